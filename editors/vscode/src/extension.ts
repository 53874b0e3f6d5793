import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { resolveServerPath } from "./serverPath";
import { readSettings, SettingsSource } from "./settings";
import { findCoroutineAt } from "./coroutine";
import { makeNonce, runSimulation, simulationHtml } from "./simulate";

export const INSTALL_DOCS_URL = "https://github.com/asyncls/asyncls/blob/main/docs/editors.md#install-asyncls";
const SECTION = "asyncls";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/** What activate() returns to other extensions and to the tests. */
export interface AsynclsApi {
  getClient(): LanguageClient | undefined;
  /** The executable in use, or undefined when none was found. */
  getServerPath(): string | undefined;
}

let serverPath: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AsynclsApi> {
  output = vscode.window.createOutputChannel("asyncls");
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("asyncls.restart", () => restartClient()),
    vscode.commands.registerCommand("asyncls.simulate", () => simulateAtCursor()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.path`)) {
        await restartClient();
        return;
      }
      // The server re-reads its settings on this notification (and may pull them again
      // through workspace/configuration).
      if (client && client.state === State.Running) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: readSettings(vscodeSettingsSource()) },
        });
      }
    }),
  );

  await startClient();
  return {
    getClient: () => client,
    getServerPath: () => serverPath,
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

function vscodeSettingsSource(scope?: vscode.Uri): SettingsSource {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    // Only values the user set explicitly, so unset editor settings never override
    // [tool.asyncls] in pyproject.toml.
    explicit<T>(key: string): T | undefined {
      const info = config.inspect<T>(key);
      if (!info) {
        return undefined;
      }
      return info.workspaceFolderValue ?? info.workspaceValue ?? info.globalValue;
    },
  };
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
}

async function startClient(): Promise<void> {
  const configuredPath = vscode.workspace.getConfiguration(SECTION).get<string>("path") ?? "";
  const resolution = resolveServerPath(configuredPath, process.env, workspaceRoots());
  serverPath = resolution.path;
  if (!resolution.path) {
    output?.appendLine(resolution.problem);
    void showMissingServer(resolution.problem);
    return;
  }
  output?.appendLine(`asyncls: starting ${resolution.path} serve`);

  const serverOptions: ServerOptions = {
    command: resolution.path,
    args: ["serve"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
    ],
    outputChannel: output,
    initializationOptions: readSettings(vscodeSettingsSource()),
    middleware: {
      workspace: {
        // Answer workspace/configuration for our section with the same camelCase object as
        // initializationOptions, resolved for the requested file's folder.
        configuration: async (params, token, next) => {
          const defaults = await next(params, token);
          if (!Array.isArray(defaults)) {
            return defaults;
          }
          return params.items.map((item, index) => {
            if (item.section !== SECTION) {
              return defaults[index];
            }
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return readSettings(vscodeSettingsSource(scope));
          });
        },
      },
    },
  };

  client = new LanguageClient(SECTION, "asyncls", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = `asyncls: the language server (${resolution.path} serve) failed to start: ${String(error)}`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output?.appendLine(`asyncls: error while stopping the server: ${String(error)}`);
    }
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

async function showMissingServer(problem: string): Promise<void> {
  const install = "Install instructions";
  const settings = "Open settings";
  const choice = await vscode.window.showErrorMessage(problem, install, settings);
  if (choice === install) {
    await vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS_URL));
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.path`);
  }
}

async function simulateAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "python") {
    void vscode.window.showWarningMessage("asyncls: open a Python file and put the cursor inside an async def.");
    return;
  }
  if (!serverPath) {
    void showMissingServer("asyncls: the asyncls executable was not found (on PATH, in $(go env GOPATH)/bin or at asyncls.path), so there is nothing to simulate with. Build it from a clone of the asyncls repository: go install ./cmd/asyncls.");
    return;
  }
  const document = editor.document;
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const entry = findCoroutineAt(lines, editor.selection.active.line);
  if (!entry) {
    void vscode.window.showWarningMessage("asyncls: the cursor is not inside an async def.");
    return;
  }
  if (document.isUntitled) {
    void vscode.window.showWarningMessage("asyncls: save the file first; the simulator reads it from disk.");
    return;
  }
  // The simulator reads the file (and its imports) from disk.
  if (document.isDirty && !(await document.save())) {
    return;
  }
  const result = await runSimulation(serverPath, document.uri.fsPath, entry);
  if (result.error) {
    output?.appendLine(result.error);
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    "asyncls.simulation",
    `asyncls: ${entry}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [] },
  );
  const sourceColumn = editor.viewColumn ?? vscode.ViewColumn.One;
  panel.webview.onDidReceiveMessage(async (message: { type?: string; line?: number }) => {
    if (message?.type !== "reveal" || typeof message.line !== "number" || message.line < 1) {
      return;
    }
    const line = Math.min(message.line - 1, document.lineCount - 1);
    const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    await vscode.window.showTextDocument(document, {
      viewColumn: sourceColumn,
      selection: new vscode.Range(position, position),
    });
  });
  panel.webview.html = simulationHtml(entry, result.svg, result.text, makeNonce());
}
