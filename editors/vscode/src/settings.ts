/**
 * The `dlglossary.*` settings the server understands, as the server wants them.
 *
 * Only settings the user has set (in user, workspace or folder settings) are sent, so that
 * a project's `dlglossary.toml` is not overridden by VS Code's defaults. Relative glossary
 * paths are resolved against the workspace folder, `${workspaceFolder}` is expanded, and
 * client-only settings (`server.*`, `trace.*`) are left out: the server reports unknown
 * keys as problems.
 */
import * as path from "path";
import * as vscode from "vscode";

/** The keys of the server's "dlglossary" settings section (camelCase, as the server reads them). */
export const SERVER_KEYS = [
  "glossaries",
  "disabledTerms",
  "ignoredWords",
  "select",
  "severity",
  "checkCodeComments",
  "maxFileSize",
  "diagnostics",
] as const;

export type ServerSettings = Partial<Record<(typeof SERVER_KEYS)[number], unknown>>;

/** The explicitly set server settings for `scope` (a document or folder URI), or the window's. */
export function serverSettings(scope?: vscode.Uri): ServerSettings {
  const configuration = vscode.workspace.getConfiguration("dlglossary", scope);
  const folder = workspaceFolderFor(scope);
  const settings: ServerSettings = {};
  for (const key of SERVER_KEYS) {
    const value = explicitValue(configuration.inspect(key));
    if (value === undefined) {
      continue;
    }
    settings[key] = key === "glossaries" ? resolvePaths(value, folder) : value;
  }
  return settings;
}

function explicitValue<T>(inspected: ReturnType<vscode.WorkspaceConfiguration["inspect"]> & {} | undefined): T | undefined {
  if (inspected === undefined) {
    return undefined;
  }
  return (inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue) as T | undefined;
}

function workspaceFolderFor(scope?: vscode.Uri): string | undefined {
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
  return (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
}

/** Expand `${workspaceFolder}` and `~`, and make relative paths absolute under `folder`. */
export function resolvePaths(value: unknown, folder: string | undefined): unknown {
  if (!Array.isArray(value)) {
    return value; // the server reports the bad value and uses its default
  }
  return value.map((entry: unknown) => {
    if (typeof entry !== "string") {
      return entry;
    }
    let resolved = entry.replace(/\$\{workspaceFolder\}/g, folder ?? "");
    if (resolved.startsWith("~/") && process.env.HOME) {
      resolved = path.join(process.env.HOME, resolved.slice(2));
    }
    return folder && !path.isAbsolute(resolved) ? path.join(folder, resolved) : resolved;
  });
}
