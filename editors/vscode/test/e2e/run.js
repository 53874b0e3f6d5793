"use strict";
// Layer (b): end to end in a real VS Code. Installs the packaged .vsix into code-server
// 4.100.3, opens the fixture project in Debian's chromium (driven by playwright-core), runs
// ./suite.js inside the extension host, screenshots the squiggle and hover, and exits with the
// suite's result.
// Usage: ASYNCLS_BIN=/path/to/asyncls node test/e2e/run.js   (after `npm run package` and
// editors/vscode/scripts/install-code-server.sh)
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const extensionRoot = path.resolve(__dirname, "../..");
const codeServer = process.env.CODE_SERVER || path.join(extensionRoot, ".e2e/node_modules/.bin/code-server");
const vsix = path.join(extensionRoot, "asyncls.vsix");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const artifacts = path.join(extensionRoot, "test-artifacts");
const fixtureProject = path.resolve(extensionRoot, "../fixtures/project");
const binary = process.env.ASYNCLS_BIN;
const TOTAL_TIMEOUT_MS = Number(process.env.ASYNCLS_E2E_TIMEOUT_MS || 240000);

function fail(message) {
  console.log(`FAIL vscode-e2e: ${message}`);
  process.exit(1);
}

for (const [what, file] of [["ASYNCLS_BIN", binary], ["code-server", codeServer], ["the .vsix (npm run package)", vsix], ["chromium", chromiumPath]]) {
  if (!file || !fs.existsSync(file)) {
    fail(`missing ${what}: ${file}`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "asyncls-e2e-"));
const workspace = path.join(tmp, "workspace");
const userData = path.join(tmp, "user-data");
const extensionsDir = path.join(tmp, "extensions");
const resultsFile = path.join(tmp, "results.log");
const screenshotDone = path.join(tmp, "screenshot-done");
fs.cpSync(fixtureProject, workspace, { recursive: true });
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.mkdirSync(artifacts, { recursive: true });
fs.writeFileSync(resultsFile, "");
fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({
  "asyncls.path": binary,
  "asyncls.trace.server": "messages",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "editor.hover.delay": 100,
  "window.commandCenter": false,
}, null, 2));

const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(tmp, "config"),
  XDG_DATA_HOME: path.join(tmp, "data"),
  ASYNCLS_BIN: binary,
  ASYNCLS_E2E_RESULTS: resultsFile,
  ASYNCLS_E2E_SCREENSHOT_DONE: screenshotDone,
  ASYNCLS_E2E_EXTENSIONS_DIR: extensionsDir,
};
const common = ["--user-data-dir", userData, "--extensions-dir", extensionsDir, "--disable-telemetry", "--disable-update-check"];

const started = Date.now();
const install = spawnSync(codeServer, [...common, "--install-extension", vsix], { env, encoding: "utf8", timeout: 120000 });
if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
  fail(`code-server --install-extension failed (${install.status}): ${install.stdout}${install.stderr}`);
}
console.log(`PASS vscode-e2e: code-server --install-extension asyncls.vsix (${Date.now() - started} ms)`);

let server;
let browser;
let serverLog = "";

function stopAll() {
  if (server && server.exitCode === null) {
    // code-server's watchers outlive the main process: kill the whole process group.
    try { process.kill(-server.pid, "SIGKILL"); } catch { /* already gone */ }
  }
}
process.on("exit", stopAll);

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(codeServer, [...common, "--auth", "none", "--bind-addr", "127.0.0.1:0", "--disable-workspace-trust", "--disable-getting-started-override", workspace], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => reject(new Error(`code-server did not start: ${serverLog}`)), 60000);
    const onData = (chunk) => {
      serverLog += chunk;
      const match = /HTTP server listening on (http:\/\/[^\s/]+)\//.exec(serverLog);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.on("exit", (code) => reject(new Error(`code-server exited (${code}): ${serverLog}`)));
  });
}

function resultLines() {
  return fs.readFileSync(resultsFile, "utf8").split("\n").filter((l) => l.trim() !== "");
}

async function waitForLine(pattern, timeoutMs, exitPromise) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (resultLines().some((l) => pattern.test(l))) {
      return true;
    }
    let timer;
    const exited = await Promise.race([exitPromise.then(() => true), new Promise((r) => { timer = setTimeout(() => r(false), 200); })]);
    clearTimeout(timer);
    if (exited) {
      return resultLines().some((l) => pattern.test(l));
    }
  }
  return false;
}

async function main() {
  const origin = await startServer();
  console.log(`PASS vscode-e2e: code-server listening on ${origin} (${Date.now() - started} ms)`);
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ["extensionDevelopmentPath", remote(path.join(__dirname, "harness"))],
    ["extensionTestsPath", remote(path.join(__dirname, "suite.js"))],
  ];
  const url = `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors = [];
  page.on("console", (message) => { if (message.type() === "error") { consoleErrors.push(message.text()); } });
  let resolveExit;
  const exitPromise = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction("codeAutomationExit", (code) => { resolveExit(code); });
  await page.goto(url);

  // The squiggle and the hover, once the suite has put them on screen.
  if (await waitForLine(/^READY for screenshot/, TOTAL_TIMEOUT_MS, exitPromise)) {
    const hover = page.locator(".monaco-hover:visible", { hasText: "ASYNC251" });
    const squiggle = page.locator(".view-overlays .squiggly-warning, .view-overlays .squiggly-error, .view-overlays .squiggly-info").first();
    const shot = path.join(artifacts, "vscode-hover.png");
    try {
      await hover.first().waitFor({ state: "visible", timeout: 15000 });
      await squiggle.waitFor({ state: "attached", timeout: 15000 });
      await page.screenshot({ path: shot });
      console.log(`PASS vscode-e2e: squiggle and hover on screen; screenshot ${path.relative(process.cwd(), shot)}`);
      // What a user would see if the server crashed or a request failed.
      const toasts = await page.locator(".notifications-toasts .notification-list-item").allInnerTexts();
      const errors = toasts.filter((t) => /asyncls/i.test(t));
      if (errors.length > 0) {
        console.log(`FAIL vscode-e2e: asyncls notifications on screen: ${JSON.stringify(errors)}`);
        process.exitCode = 1;
      } else {
        console.log("PASS vscode-e2e: no asyncls error notifications on screen");
      }
    } catch (error) {
      await page.screenshot({ path: shot });
      console.log(`FAIL vscode-e2e: squiggle/hover not visible in the workbench (${error.message.split("\n")[0]}); screenshot ${shot}`);
      process.exitCode = 1;
    }
    // Close the hover so it does not cover the simulation webview.
    await page.keyboard.press("Escape");
    fs.writeFileSync(screenshotDone, "");
  }
  if (await waitForLine(/^READY for simulation screenshot/, 60000, exitPromise)) {
    const shot = path.join(artifacts, "vscode-simulation.png");
    // VS Code puts a webview's page in an iframe (#active-frame) inside the webview iframe.
    const frame = page.frameLocator("iframe.webview").frameLocator("#active-frame");
    const timeline = frame.locator("svg.asyncls-timeline");
    let clickedLine = "";
    try {
      await timeline.waitFor({ state: "visible", timeout: 15000 });
      const box = await timeline.boundingBox();
      if (!box || box.width < 100 || box.height < 20) {
        throw new Error(`timeline is ${JSON.stringify(box)}`);
      }
      const sentence = (await frame.locator("svg.asyncls-timeline text.bottleneck").allTextContents()).join(" ");
      if (!/^Bounded by /.test(sentence)) {
        throw new Error(`no sentence naming what bounds the total: ${JSON.stringify(sentence)}`);
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: shot });
      console.log(`PASS vscode-e2e: the simulation webview shows the inline SVG timeline (${Math.round(box.width)}x${Math.round(box.height)} px) and "${sentence}"; screenshot ${path.relative(process.cwd(), shot)}`);
      // A click on a bar opens its line in the editor; the extension host checks the cursor.
      const bar = frame.locator("svg.asyncls-timeline rect.span[data-line]").first();
      clickedLine = await bar.getAttribute("data-line");
      await bar.click({ force: true });
    } catch (error) {
      await page.screenshot({ path: shot });
      console.log(`FAIL vscode-e2e: no inline SVG timeline in the simulation webview (${error.message.split("\n")[0]}); screenshot ${shot}`);
      process.exitCode = 1;
    }
    fs.writeFileSync(screenshotDone + ".simulation", clickedLine || "");
  }

  let timer;
  const code = await Promise.race([exitPromise, new Promise((resolve) => { timer = setTimeout(() => resolve("timeout"), TOTAL_TIMEOUT_MS); })]);
  clearTimeout(timer);
  for (const line of resultLines()) {
    if (!line.startsWith("READY")) {
      console.log(line);
    }
  }
  if (code === "timeout") {
    await page.screenshot({ path: path.join(artifacts, "vscode-timeout.png") });
    console.log(`FAIL vscode-e2e: the extension host never reported (timeout); browser errors: ${consoleErrors.slice(-5).join(" | ")}`);
    process.exitCode = 1;
  } else if (code !== 0) {
    console.log(`FAIL vscode-e2e: the test module failed (exit ${code}); browser errors: ${consoleErrors.slice(-5).join(" | ")}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error) => { console.log(`FAIL vscode-e2e: ${error.stack || error}`); process.exitCode = 1; })
  .finally(async () => {
    if (browser) { await browser.close().catch(() => {}); }
    stopAll();
    if (process.exitCode) {
      fs.writeFileSync(path.join(artifacts, "code-server.log"), serverLog);
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
      console.log(`PASS vscode-e2e: all (${Date.now() - started} ms)`);
    }
    process.exit(process.exitCode || 0);
  });
