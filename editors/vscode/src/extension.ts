/**
 * dlglossary for VS Code: starts the dlglossary language server and connects it to
 * Markdown, reStructuredText, Python, LaTeX and plain-text documents and Jupyter notebooks.
 *
 * Everything the user sees (hovers, diagnostics, code actions, completion, go to
 * definition) comes from the server; this file only finds it, starts it, passes the
 * `dlglossary.*` settings and says what to do when the server is missing.
 */
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { findServer, INSTALL_COMMAND } from "./server";
import { serverSettings } from "./settings";

const LANGUAGES = ["markdown", "restructuredtext", "python", "latex", "tex", "plaintext"];
const SCHEMES = ["file", "untitled", "vscode-notebook-cell"];

const DOCUMENT_SELECTOR: DocumentSelector = SCHEMES.flatMap((scheme) =>
  LANGUAGES.map((language) => ({ scheme, language })),
);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("dlglossary");
  status = vscode.window.createStatusBarItem("dlglossary.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "dlglossary";
  status.command = "dlglossary.showOutput";
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("dlglossary.restartServer", restart),
    vscode.commands.registerCommand("dlglossary.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

function showStatus(state: "starting" | "running" | "stopped" | "missing"): void {
  const icon = { starting: "$(sync~spin)", running: "$(book)", stopped: "$(error)", missing: "$(warning)" }[state];
  status.text = `${icon} dlglossary`;
  status.tooltip = `dlglossary language server: ${state}`;
  status.accessibilityInformation = { label: `dlglossary: ${state}` };
  status.show();
}

async function start(): Promise<void> {
  showStatus("starting");
  const server = await findServer((line) => output.appendLine(line));
  if (server === undefined) {
    showStatus("missing");
    output.appendLine(
      "The dlglossary language server was not found: no dlglossary.server.command setting, " +
        "no Python extension interpreter that can import dlglossary_lsp, and no dlglossary-lsp on PATH.",
    );
    void offerInstall();
    return;
  }
  output.appendLine(`Starting ${[server.command, ...server.args].join(" ")} (from ${server.origin})`);
  const serverOptions: ServerOptions = {
    command: server.command,
    args: server.args,
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: serverSettings(),
    middleware: {
      workspace: {
        // Answer workspace/configuration for our section with only the server's keys.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) =>
            item.section === "dlglossary"
              ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : answers[index],
          );
        },
      },
    },
  };
  client = new LanguageClient("dlglossary", "dlglossary", serverOptions, clientOptions);
  client.onDidChangeState(({ newState }) => {
    showStatus(newState === State.Running ? "running" : newState === State.Starting ? "starting" : "stopped");
  });
  try {
    await client.start();
  } catch (error) {
    showStatus("stopped");
    output.appendLine(`The server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(
      `dlglossary: the language server (${server.command}) did not start. See the dlglossary output for details.`,
      "Show output",
    ).then((choice) => choice && output.show(true));
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`Stopping the server failed: ${String(error)}`);
    }
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
  if (event.affectsConfiguration("dlglossary.server")) {
    await restart();
  } else if (event.affectsConfiguration("dlglossary") && client?.isRunning()) {
    await client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { dlglossary: serverSettings() },
    });
  }
}

async function offerInstall(): Promise<void> {
  const copy = "Copy install command";
  const settings = "Open settings";
  const interpreter = "Select Python interpreter";
  const choices = vscode.extensions.getExtension("ms-python.python") ? [copy, interpreter, settings] : [copy, settings];
  const choice = await vscode.window.showWarningMessage(
    `dlglossary: the language server is not installed. Install it with \`${INSTALL_COMMAND}\` ` +
      "into the Python environment selected in VS Code (or one on PATH), or set dlglossary.server.command; " +
      "then run \"dlglossary: Restart Language Server\".",
    ...choices,
  );
  if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "dlglossary.server.command");
  } else if (choice === interpreter) {
    await vscode.commands.executeCommand("python.setInterpreter");
  }
}
