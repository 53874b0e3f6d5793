"use strict";
// Unit tests of the extension's vscode-free modules (compiled to out/ by tsc).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { findCoroutineAt } = require("../../out/coroutine.js");
const { readSettings } = require("../../out/settings.js");
const { resolveServerPath, findOnPath, goBinDirs } = require("../../out/serverPath.js");
const { simulationHtml, escapeHtml, makeNonce, textReport } = require("../../out/simulate.js");

const source = [
  "import asyncio",             // 0
  "",                           // 1
  "async def main():",          // 2
  "    x = await f(",           // 3
  "1)",                         // 4  continuation line at column 0
  "    # comment at body level", // 5
  "",                           // 6
  "class Client:",              // 7
  "    def sync(self):",        // 8
  "        return 1",           // 9
  "    async def fetch(self):", // 10
  "        async def inner():", // 11
  "            await g()",      // 12
  "        await inner()",      // 13
  "def plain():",               // 14
  "    pass",                   // 15
];

test("findCoroutineAt names the innermost async def around the cursor", () => {
  assert.strictEqual(findCoroutineAt(source, 2), "main");
  assert.strictEqual(findCoroutineAt(source, 3), "main");
  assert.strictEqual(findCoroutineAt(source, 12), "Client.fetch.inner");
  assert.strictEqual(findCoroutineAt(source, 13), "Client.fetch");
  assert.strictEqual(findCoroutineAt(source, 10), "Client.fetch");
});

test("findCoroutineAt is undefined outside coroutines", () => {
  assert.strictEqual(findCoroutineAt(source, 0), undefined);
  assert.strictEqual(findCoroutineAt(source, 9), undefined, "sync method");
  assert.strictEqual(findCoroutineAt(source, 15), undefined, "plain def");
  assert.strictEqual(findCoroutineAt(source, 7), undefined, "class line");
  assert.strictEqual(findCoroutineAt(source, 99), undefined, "out of range");
});

function sourceOf(values) {
  return { explicit: (key) => values[key] };
}

test("readSettings sends only explicit, valid values with camelCase keys", () => {
  assert.deepStrictEqual(readSettings(sourceOf({})), {});
  assert.deepStrictEqual(
    readSettings(sourceOf({ select: ["ASYNC", " ASL1 ", 3, ""], extendSelect: ["ASYNC9"], ignore: ["ASYNC300"], latency: { "httpx.get": "50ms", bad: 5 }, debounceMs: 25.4, logLevel: "debug" })),
    { select: ["ASYNC", "ASL1"], extendSelect: ["ASYNC9"], ignore: ["ASYNC300"], latency: { "httpx.get": "50ms" }, debounceMs: 25, logLevel: "debug" },
  );
  assert.deepStrictEqual(readSettings(sourceOf({ debounceMs: -1, logLevel: "loud", latency: [] })), {});
});

test("resolveServerPath prefers asyncls.path, then PATH, and explains a miss", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "asyncls-unit-"));
  const exe = path.join(dir, "asyncls");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o755);
  const env = { PATH: dir };
  assert.strictEqual(findOnPath("asyncls", env), exe);
  assert.strictEqual(resolveServerPath("", env, []).path, exe);
  assert.strictEqual(resolveServerPath(exe, { PATH: "" }, []).path, exe);
  assert.strictEqual(resolveServerPath("${workspaceFolder}/asyncls", { PATH: "" }, [dir]).path, exe);
  const missing = resolveServerPath("/nope/asyncls", env, []);
  assert.strictEqual(missing.path, undefined);
  assert.match(missing.problem, /asyncls\.path/);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "asyncls-home-"));
  const noGo = { PATH: "", HOME: home };
  assert.match(resolveServerPath("", noGo, []).problem, /not found on PATH or in \$\(go env GOPATH\)\/bin\. Build it from a clone/);
  // `go install ./cmd/asyncls` puts it in $GOPATH/bin (default ~/go/bin), often not on an app's PATH.
  assert.deepStrictEqual(goBinDirs({ GOPATH: `/a${path.delimiter}/b` }), ["/a/bin", "/b/bin"]);
  assert.deepStrictEqual(goBinDirs({ GOBIN: "/gobin", GOPATH: "/a" }), ["/gobin"]);
  assert.deepStrictEqual(goBinDirs(noGo), [path.join(home, "go", "bin")]);
  fs.mkdirSync(path.join(home, "go", "bin"), { recursive: true });
  fs.copyFileSync(exe, path.join(home, "go", "bin", "asyncls"));
  fs.chmodSync(path.join(home, "go", "bin", "asyncls"), 0o755);
  assert.strictEqual(resolveServerPath("", noGo, []).path, path.join(home, "go", "bin", "asyncls"));
  assert.strictEqual(resolveServerPath("", { PATH: "", GOPATH: dir + "-none", HOME: home }, []).path, undefined);
  fs.rmSync(home, { recursive: true });
  fs.chmodSync(exe, 0o644);
  assert.strictEqual(findOnPath("asyncls", env), undefined, "not executable");
  fs.rmSync(dir, { recursive: true });
});

test("simulationHtml inlines the SVG without scripts, lets bars open their line, escapes the text", () => {
  const svg = `<?xml version="1.0"?><svg xmlns='http://www.w3.org/2000/svg' viewBox="0 0 10 10"><script>alert(1)</script>` +
    `<rect class="span" data-line="12" onclick="alert(2)" width="5" height="5"><title>sleep</title></rect>` +
    `<a href="javascript:alert(3)"><text>x</text></a></svg>`;
  const html = simulationHtml("main<x>", svg, "a < b", "NONCE123");
  assert.match(html, /<div class="timeline"><svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox="0 0 10 10">/);
  assert.ok(!html.includes("<?xml"), "the XML declaration is dropped");
  assert.ok(!html.includes("alert(1)") && !html.includes("alert(2)") && !html.includes("javascript:"), "script removed");
  assert.match(html, /<rect class="span" data-line="12" width="5" height="5"><title>sleep<\/title><\/rect>/);
  assert.match(html, /<title>asyncls: main&lt;x&gt;<\/title>/);
  assert.match(html, /<pre class="summary">a &lt; b<\/pre>/);
  const report = textReport("f.py: main()\n  concurrent  0.20 s\n  assumptions: a very long line\n\n  timeline (0 .. 0.2 s)\n  main |~~~| 0s-0.2s\n");
  assert.match(report, /^<pre class="summary">f\.py: main\(\)\n  concurrent  0\.20 s\n  assumptions: a very long line<\/pre>\n<pre class="rows">  timeline \(0 \.\. 0\.2 s\)\n  main \|~~~\| 0s-0\.2s<\/pre>$/);
  assert.match(html, /pre\.rows \{ white-space: pre; overflow-x: auto;/, "the character timeline scrolls, never cut off");
  assert.match(html, /default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-NONCE123';/);
  assert.match(html, /<script nonce="NONCE123">[\s\S]*postMessage\(\{ type: "reveal", line: Number/);
  assert.match(html, /\.timeline svg \{ display: block; width: 100%; min-width: 640px; height: auto; \}/, "scales to the panel");
  assert.match(html, /pre\.summary \{ white-space: pre-wrap/, "the summary wraps instead of being cut off");
  assert.strictEqual((html.match(/<script/g) || []).length, 1, "only the page's own script");
  assert.strictEqual(escapeHtml(`"&"`), "&quot;&amp;&quot;");
  assert.notStrictEqual(makeNonce(), makeNonce());
});
