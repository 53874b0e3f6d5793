"use strict";
// Layer (a): the extension's real activate() and the real vscode-languageclient against the
// real `asyncls serve`, with `require("vscode")` redirected to ./vscode-mock.js.
// Usage: ASYNCLS_BIN=/path/to/asyncls node test/client/run.js
const Module = require("module");
const path = require("path");
const fs = require("fs");
const assert = require("assert");

const mockPath = path.join(__dirname, "vscode-mock.js");
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? mockPath : originalResolve.call(this, request, ...rest);
};

const vscode = require("vscode");
const { recorded, emitters, MockTextDocument, textDocuments } = vscode.__test;
const { expectedFindings } = require("../../../fixtures/expectations.js");

const binary = process.env.ASYNCLS_BIN;
if (!binary) {
  console.error("FAIL vscode-client: set ASYNCLS_BIN to the asyncls executable");
  process.exit(2);
}
const projectDir = path.resolve(__dirname, "../../../fixtures/project");
const fixtureFile = path.join(projectDir, "app.py");
const expected = expectedFindings(fixtureFile);
const TIMEOUT_MS = Number(process.env.ASYNCLS_TEST_TIMEOUT_MS || 20000);

let failures = 0;
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`PASS vscode-client: ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures++;
    console.log(`FAIL vscode-client: ${name}: ${error && error.stack ? error.stack : error}`);
  }
}

/** Resolves when `predicate()` is truthy, re-checking on every diagnostics update. */
function waitFor(description, predicate) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = predicate();
      if (value) { cleanup(); resolve(value); }
    };
    const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${description}; diagnostics now: ${JSON.stringify(summary())}`)); }, TIMEOUT_MS);
    const listener = recorded.diagnosticEvents.event(check);
    const poll = setInterval(check, 50);
    function cleanup() { clearTimeout(timer); clearInterval(poll); listener.dispose(); }
    check();
  });
}

const document = new MockTextDocument(vscode.Uri.file(fixtureFile), "python", fs.readFileSync(fixtureFile, "utf8"));
const uriKey = document.uri.toString();
function diagnosticsNow() { return recorded.diagnostics.get(uriKey); }
function summary() { return (diagnosticsNow() || []).map((d) => `${d.code && d.code.value !== undefined ? d.code.value : d.code}@${d.range.start.line}`); }
function codeOf(d) { return d.code && typeof d.code === "object" ? String(d.code.value) : String(d.code); }
function hasAll(findings) {
  const diags = diagnosticsNow();
  return diags && findings.every((f) => diags.some((d) => codeOf(d) === f.code && d.range.start.line === f.line));
}
const token = new vscode.CancellationTokenSource().token;

async function main() {
  const extension = require("../../out/extension.js");
  recorded.configuration["asyncls.path"] = binary;
  vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(projectDir), name: "project", index: 0 }];
  textDocuments.push(document);
  const context = { subscriptions: [], extensionPath: path.resolve(__dirname, "../..") };
  let api;

  assert.ok(expected.some((f) => f.code === "ASYNC251"), "fixture must expect ASYNC251");

  await step("activate starts the server", async () => {
    api = await extension.activate(context);
    assert.strictEqual(api.getServerPath(), binary);
    assert.ok(api.getClient() && api.getClient().isRunning(), "client is not running");
  });

  await step(`diagnostics arrive (${expected.map((f) => `${f.code}@${f.line + 1}`).join(", ")})`, async () => {
    await waitFor("the expected diagnostics", () => hasAll(expected));
    for (const d of diagnosticsNow()) {
      assert.strictEqual(d.source, "asyncls", `diagnostic source ${d.source}`);
    }
  });

  const sleepFinding = expected.find((f) => f.code === "ASYNC251");
  const sleepColumn = sleepFinding.text.indexOf("time.sleep") + "time.".length;

  await step("hover on time.sleep explains ASYNC251", async () => {
    const [[, provider]] = recorded.providers.registerHoverProvider;
    const hover = await provider.provideHover(document, new vscode.Position(sleepFinding.line, sleepColumn), token);
    assert.ok(hover, "no hover");
    const text = hover.contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n");
    assert.match(text, /ASYNC251/, `hover text: ${text}`);
  });

  await step("workspace/configuration and initializationOptions carry camelCase settings", async () => {
    const client = api.getClient();
    assert.deepStrictEqual(client.clientOptions.initializationOptions, {});
    recorded.configuration["asyncls.debounceMs"] = 25;
    recorded.configuration["asyncls.select"] = ["ASYNC", "ASL"];
    const middleware = client.clientOptions.middleware.workspace.configuration;
    const answer = await middleware({ items: [{ section: "asyncls" }, { section: "other" }] }, token, async (params) => params.items.map(() => null));
    assert.deepStrictEqual(answer, [{ select: ["ASYNC", "ASL"], debounceMs: 25 }, null]);
    delete recorded.configuration["asyncls.debounceMs"];
    delete recorded.configuration["asyncls.select"];
  });

  await step("restart command brings the server back with diagnostics", async () => {
    const before = api.getClient();
    recorded.diagnostics.clear();
    await vscode.commands.executeCommand("asyncls.restart");
    assert.notStrictEqual(api.getClient(), before, "restart kept the old client");
    assert.ok(api.getClient().isRunning(), "client is not running after restart");
    await waitFor("diagnostics after restart", () => hasAll(expected));
  });

  await step("code action 'Disable ASYNC251 for this line' applies and the finding goes", async () => {
    const diagnostic = diagnosticsNow().find((d) => codeOf(d) === "ASYNC251");
    const [[, provider]] = recorded.providers.registerCodeActionsProvider;
    assert.strictEqual(recorded.providers.registerCodeActionsProvider.length, 1, "a stopped client left its provider registered");
    const actions = await provider.provideCodeActions(document, diagnostic.range, { diagnostics: [diagnostic], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: undefined }, token);
    const titles = (actions || []).map((a) => a.title);
    const disable = (actions || []).find((a) => /Disable ASYNC251/.test(a.title));
    assert.ok(disable, `no 'Disable ASYNC251' action among ${JSON.stringify(titles)}`);
    assert.ok(disable.edit, "the action carries no edit");
    assert.ok(await vscode.workspace.applyEdit(disable.edit), "applyEdit failed");
    assert.match(document.lineAt(sleepFinding.line).text, /# noqa: ASYNC251/);
    const others = expected.filter((f) => f.code !== "ASYNC251");
    await waitFor("ASYNC251 to go while the others stay", () => hasAll(others) && !diagnosticsNow().some((d) => codeOf(d) === "ASYNC251"));
  });

  await step("the preferred quickfix rewrites time.sleep to await asyncio.sleep", async () => {
    // Undo the noqa edit first, as a user would.
    const line = document.lineAt(sleepFinding.line);
    const comment = line.text.indexOf("  # noqa: ASYNC251");
    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(sleepFinding.line, comment, sleepFinding.line, comment + "  # noqa: ASYNC251".length));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitFor("ASYNC251 to come back", () => hasAll(expected));
    const diagnostic = diagnosticsNow().find((d) => codeOf(d) === "ASYNC251");
    const [[, provider]] = recorded.providers.registerCodeActionsProvider;
    const actions = await provider.provideCodeActions(document, diagnostic.range, { diagnostics: [diagnostic], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: vscode.CodeActionKind.QuickFix }, token);
    const preferred = (actions || []).find((a) => a.isPreferred);
    assert.ok(preferred && preferred.edit, `no preferred quickfix among ${JSON.stringify((actions || []).map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit), "applyEdit failed");
    assert.match(document.lineAt(sleepFinding.line).text, /await asyncio\.sleep\(delay\)/);
    await waitFor("ASYNC251 to go after the fix", () => diagnosticsNow() && !diagnosticsNow().some((d) => codeOf(d) === "ASYNC251"));
  });

  await step("changed settings reach the server (ignore ASYNC300)", async () => {
    recorded.configuration["asyncls.ignore"] = ["ASYNC300"];
    emitters["workspace.onDidChangeConfiguration"].fire({ affectsConfiguration: (s) => s === "asyncls" || s === "asyncls.ignore" });
    await waitFor("ASYNC300 to disappear", () => diagnosticsNow() && !diagnosticsNow().some((d) => codeOf(d) === "ASYNC300"));
    delete recorded.configuration["asyncls.ignore"];
  });

  await step("the server never crashed or restarted on its own", async () => {
    const text = recorded.output.join("");
    const crash = /panic:|exited with code [1-9]|connection to server got closed|couldn't create connection/i.exec(text);
    assert.ok(!crash, `the server crashed: ...${text.slice(Math.max(0, crash && crash.index - 200), (crash && crash.index) + 600)}`);
  });

  await step("deactivate stops the server", async () => {
    const client = api.getClient();
    await extension.deactivate();
    assert.ok(!client.isRunning(), "client still running");
  });

  await step("a missing executable gives a clear message with a link to the install docs", async () => {
    recorded.configuration["asyncls.path"] = "/nonexistent/asyncls";
    recorded.messages.length = 0;
    const missingApi = await extension.activate({ subscriptions: [], extensionPath: context.extensionPath });
    assert.strictEqual(missingApi.getClient(), undefined);
    const error = recorded.messages.find((m) => m.level === "error");
    assert.ok(error, "no error message shown");
    assert.match(error.message, /asyncls\.path/);
    assert.ok(error.items.includes("Install instructions"), `buttons: ${JSON.stringify(error.items)}`);
  });
}

const watchdog = setTimeout(() => { console.log("FAIL vscode-client: whole test timed out"); process.exit(1); }, 120000);
main().then(() => {
  clearTimeout(watchdog);
  console.log(failures === 0 ? "PASS vscode-client: all steps" : `FAIL vscode-client: ${failures} step(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}, (error) => {
  console.log(`FAIL vscode-client: ${error.stack || error}`);
  process.exit(1);
});
