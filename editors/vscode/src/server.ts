/**
 * Finding the dlglossary language server.
 *
 * In order: the `dlglossary.server.command` setting; the interpreter selected in the Python
 * extension, if it can import `dlglossary_lsp`; `dlglossary-lsp` on `PATH`.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";

/** A command line that starts the server, and where it came from (for the log). */
export interface ServerCommand {
  command: string;
  args: string[];
  origin: string;
}

export const INSTALL_COMMAND = "python -m pip install dlglossary";

export async function findServer(log: (line: string) => void): Promise<ServerCommand | undefined> {
  const configured = vscode.workspace.getConfiguration("dlglossary").get<unknown>("server.command");
  if (Array.isArray(configured) && configured.length > 0 && configured.every((part) => typeof part === "string")) {
    const [command, ...args] = configured as string[];
    return { command, args, origin: "the dlglossary.server.command setting" };
  }
  if (typeof configured === "string" && configured.trim() !== "") {
    return { command: configured, args: [], origin: "the dlglossary.server.command setting" };
  }
  const python = await pythonExtensionInterpreter(log);
  if (python !== undefined) {
    if (await canImport(python, "dlglossary_lsp")) {
      return { command: python, args: ["-m", "dlglossary_lsp"], origin: `the Python extension's interpreter (${python})` };
    }
    log(`${python} (the Python extension's interpreter) cannot import dlglossary_lsp`);
  }
  const onPath = findOnPath(process.platform === "win32" ? ["dlglossary-lsp.exe", "dlglossary-lsp.cmd"] : ["dlglossary-lsp"]);
  if (onPath !== undefined) {
    return { command: onPath, args: [], origin: "PATH" };
  }
  return undefined;
}

/** The interpreter selected in the Python extension (ms-python.python), if it is installed. */
async function pythonExtensionInterpreter(log: (line: string) => void): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension("ms-python.python");
  if (extension === undefined) {
    return undefined;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const api: any = extension.isActive ? extension.exports : await extension.activate();
    const environments = api?.environments;
    if (environments?.getActiveEnvironmentPath) {
      const active = environments.getActiveEnvironmentPath(vscode.workspace.workspaceFolders?.[0]?.uri);
      const resolved = await environments.resolveEnvironment(active);
      const executable: string | undefined = resolved?.executable?.uri?.fsPath ?? active?.path;
      if (executable) {
        return executable;
      }
    }
    const details = api?.settings?.getExecutionDetails?.(vscode.workspace.workspaceFolders?.[0]?.uri);
    const execCommand: unknown = details?.execCommand;
    if (Array.isArray(execCommand) && typeof execCommand[0] === "string") {
      return execCommand[0];
    }
  } catch (error) {
    log(`could not ask the Python extension for its interpreter: ${String(error)}`);
  }
  return undefined;
}

function canImport(python: string, module: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ["-c", `import ${module}`], { timeout: 20_000 }, (error) => resolve(error === null));
  });
}

/** The first executable called one of `names` in a `PATH` folder. */
export function findOnPath(names: string[], searchPath = process.env.PATH ?? ""): string | undefined {
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder === "") {
      continue;
    }
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          return candidate;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
