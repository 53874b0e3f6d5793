"use strict";
// Runs inside code-server's extension host (extensionTestsPath) with the real `vscode` API,
// against the asyncls extension installed from the packaged .vsix. Writes PASS/FAIL lines to
// $ASYNCLS_E2E_RESULTS; the driver (run.js) screenshots the hover when it reads READY.
const vscode = require("vscode");
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const resultsFile = process.env.ASYNCLS_E2E_RESULTS;
const screenshotDone = process.env.ASYNCLS_E2E_SCREENSHOT_DONE;
const TIMEOUT_MS = Number(process.env.ASYNCLS_TEST_TIMEOUT_MS || 30000);

function log(line) {
  fs.appendFileSync(resultsFile, line + "\n");
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(description, predicate, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await sleep(100);
  }
}

function codeOf(diagnostic) {
  const code = diagnostic.code;
  return code && typeof code === "object" ? String(code.value) : String(code);
}

function expectedFindings(text) {
  const findings = [];
  text.split("\n").forEach((line, index) => {
    const match = /#\s*((?:ASYNC|ASL)\d+):/.exec(line);
    if (match) {
      findings.push({ line: index, code: match[1], text: line });
    }
  });
  return findings;
}

let failures = 0;
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    log(`PASS vscode-e2e: ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    failures++;
    log(`FAIL vscode-e2e: ${name}: ${error && error.stack ? error.stack : error}`);
    return false;
  }
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const fileUri = vscode.Uri.joinPath(folder, "app.py");
  let extension;
  let document;
  let editor;
  let expected = [];

  await step("the asyncls extension is installed from the .vsix", async () => {
    extension = vscode.extensions.getExtension("asyncls.asyncls");
    if (!extension) {
      throw new Error(`not installed; extensions: ${vscode.extensions.all.map((e) => e.id).join(", ")}`);
    }
    if (!extension.extensionPath.startsWith(process.env.ASYNCLS_E2E_EXTENSIONS_DIR)) {
      throw new Error(`loaded from ${extension.extensionPath}, not the installed extensions dir`);
    }
  });

  await step("opening a Python file activates it and starts asyncls serve", async () => {
    document = await vscode.workspace.openTextDocument(fileUri);
    editor = await vscode.window.showTextDocument(document);
    expected = expectedFindings(document.getText());
    await waitFor("the extension to activate", () => extension.isActive);
    const api = extension.exports;
    await waitFor("the language client to run", () => api.getClient() && api.getClient().isRunning());
  });

  const label = expected.map((f) => `${f.code}@${f.line + 1}`).join(", ");
  await step(`diagnostics arrive (${label})`, async () => {
    if (expected.length < 2) {
      throw new Error("the fixture declares too few findings");
    }
    await waitFor("the expected diagnostics", () => {
      const diagnostics = vscode.languages.getDiagnostics(fileUri);
      return expected.every((f) => diagnostics.some((d) => codeOf(d) === f.code && d.range.start.line === f.line && d.source === "asyncls"));
    });
  });

  const sleepFinding = expected.find((f) => f.code === "ASYNC251");
  const hoverPosition = new vscode.Position(sleepFinding.line, sleepFinding.text.indexOf("time.sleep") + "time.".length);

  await step("hover on time.sleep explains ASYNC251", async () => {
    const hovers = await vscode.commands.executeCommand("vscode.executeHoverProvider", fileUri, hoverPosition);
    const text = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
    if (!/ASYNC251/.test(text)) {
      throw new Error(`hover text: ${JSON.stringify(text)}`);
    }
    // VS Code shows the diagnostic's message in the same hover: asyncls's part must not repeat it.
    const finding = vscode.languages.getDiagnostics(fileUri).find((d) => codeOf(d) === "ASYNC251");
    if (!finding || text.includes(finding.message)) {
      throw new Error(`hover repeats the diagnostic message ${JSON.stringify(finding && finding.message)}: ${JSON.stringify(text)}`);
    }
  });

  let disableAction;
  await step("code actions offer 'Disable ASYNC251 for this line'", async () => {
    const diagnostic = vscode.languages.getDiagnostics(fileUri).find((d) => codeOf(d) === "ASYNC251");
    const actions = await vscode.commands.executeCommand("vscode.executeCodeActionProvider", fileUri, diagnostic.range);
    disableAction = (actions || []).find((a) => /Disable ASYNC251/.test(a.title));
    if (!disableAction || !disableAction.edit) {
      throw new Error(`actions: ${JSON.stringify((actions || []).map((a) => a.title))}`);
    }
  });

  // Leave the squiggle and the hover on screen for the driver's screenshot.
  editor.selection = new vscode.Selection(hoverPosition, hoverPosition);
  editor.revealRange(new vscode.Range(hoverPosition, hoverPosition), vscode.TextEditorRevealType.InCenter);
  await sleep(500);
  await vscode.commands.executeCommand("editor.action.showHover");
  log("READY for screenshot");
  await waitFor("the driver's screenshot", () => fs.existsSync(screenshotDone), 60000).catch((error) => log(`FAIL vscode-e2e: ${error.message}`));

  if (disableAction) {
    await step("applying the action adds the noqa comment and the finding goes", async () => {
      if (!(await vscode.workspace.applyEdit(disableAction.edit))) {
        throw new Error("applyEdit failed");
      }
      if (!/# noqa: ASYNC251/.test(document.lineAt(sleepFinding.line).text)) {
        throw new Error(`line: ${document.lineAt(sleepFinding.line).text}`);
      }
      await waitFor("ASYNC251 to go while the others stay", () => {
        const diagnostics = vscode.languages.getDiagnostics(fileUri);
        return !diagnostics.some((d) => codeOf(d) === "ASYNC251") &&
          expected.filter((f) => f.code !== "ASYNC251").every((f) => diagnostics.some((d) => codeOf(d) === f.code));
      });
    });
  }

  // The simulator is a separate subcommand that may not exist in this build yet.
  let simulateAvailable = false;
  try {
    execFileSync(process.env.ASYNCLS_BIN, ["simulate", fileUri.fsPath, "--entry", "main", "--format", "text"], { stdio: "pipe", timeout: 30000 });
    simulateAvailable = true;
  } catch (error) {
    log(`SKIP vscode-e2e: simulate command: asyncls simulate failed: ${String(error.stderr || error.message).trim().split("\n")[0]}`);
  }
  if (simulateAvailable) {
    await step("'asyncls: Simulate coroutine at cursor' opens the timeline webview", async () => {
      await vscode.commands.executeCommand("workbench.action.files.revert");
      const mainLine = document.getText().split("\n").findIndex((l) => l.startsWith("async def main"));
      const inside = new vscode.Position(mainLine + 1, 4);
      editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(inside, inside);
      await vscode.commands.executeCommand("asyncls.simulate");
      await waitFor("a webview tab titled 'asyncls: main'", () =>
        vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === "asyncls: main" && tab.input instanceof vscode.TabInputWebview)));
      log("READY for simulation screenshot");
      await waitFor("the driver's screenshot", () => fs.existsSync(screenshotDone + ".simulation"), 60000);
    });
    await step("clicking a timeline bar opens its line in the editor", async () => {
      const clicked = Number(fs.readFileSync(screenshotDone + ".simulation", "utf8"));
      if (!clicked) {
        throw new Error("the driver clicked no bar (see its FAIL line)");
      }
      await waitFor(`the cursor on line ${clicked}`, () => {
        const active = vscode.window.activeTextEditor;
        return active && active.document.uri.fsPath === fileUri.fsPath && active.selection.active.line === clicked - 1;
      });
    });
  }

  log(failures === 0 ? "PASS vscode-e2e: all steps in the extension host" : `FAIL vscode-e2e: ${failures} step(s) failed in the extension host`);
  if (failures > 0) {
    throw new Error(`${failures} step(s) failed`);
  }
};
