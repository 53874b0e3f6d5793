import { execFile } from "child_process";

export interface SimulationResult {
  svg: string;
  text: string;
  error?: string;
}

const TIMEOUT_MS = 30_000;

function run(executable: string, args: string[]): Promise<{ stdout: string; stderr: string; failure?: string }> {
  return new Promise((resolve) => {
    execFile(executable, args, { timeout: TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const detail = stderr.trim() || error.message;
        resolve({ stdout, stderr, failure: detail });
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

/** Runs `asyncls simulate FILE --entry NAME` for the SVG timeline and the text summary. */
export async function runSimulation(executable: string, file: string, entry: string): Promise<SimulationResult> {
  const base = ["simulate", file, "--entry", entry];
  const [svg, text] = await Promise.all([
    run(executable, [...base, "--format", "svg"]),
    run(executable, [...base, "--format", "text"]),
  ]);
  const failure = svg.failure ?? text.failure;
  if (failure) {
    return { svg: "", text: "", error: `asyncls simulate ${entry} failed: ${failure}` };
  }
  if (!svg.stdout.includes("<svg")) {
    return { svg: "", text: "", error: `asyncls simulate ${entry} printed no SVG picture.` };
  }
  return { svg: svg.stdout, text: text.stdout };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * The SVG as it may be inlined: asyncls writes it with escaped text and no scripts; anything
 * script-like (a script element, an on* handler, a javascript: link) is removed all the same.
 */
export function sanitizeSvg(svg: string): string {
  const start = svg.indexOf("<svg");
  const body = start >= 0 ? svg.slice(start) : "";
  return body
    .replace(/<script[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<script[^>]*\/?>/gi, "")
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/(href\s*=\s*["'])\s*javascript:[^"']*/gi, "$1#")
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, "");
}

/**
 * The webview page: the SVG inline (its tooltips work, it scales to the panel), a click on a
 * bar that carries a source line asks the extension to open that line, and the text report
 * below it wraps rather than being cut off. The policy allows only the page's own script.
 */
export function simulationHtml(entry: string, svg: string, text: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>asyncls: ${escapeHtml(entry)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
.timeline { background: white; border: 1px solid var(--vscode-panel-border); overflow-x: auto; }
.timeline svg { display: block; width: 100%; min-width: 640px; height: auto; }
.timeline [data-line] { cursor: pointer; }
.timeline rect[data-line]:hover { opacity: 0.8; }
pre { font-family: var(--vscode-editor-font-family); }
pre.summary { white-space: pre-wrap; overflow-wrap: anywhere; }
pre.rows { white-space: pre; overflow-x: auto; max-width: 100%; }
</style>
</head>
<body>
<h2>Simulated timeline of ${escapeHtml(entry)}</h2>
<p>Click a bar to open its line; hover it for details.</p>
<div class="timeline">${sanitizeSvg(svg)}</div>
${textReport(text)}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.querySelector(".timeline").addEventListener("click", (event) => {
  const target = event.target.closest("[data-line]");
  if (target) {
    vscode.postMessage({ type: "reveal", line: Number(target.getAttribute("data-line")) });
  }
});
</script>
</body>
</html>
`;
}

/**
 * The text report: the summary and assumptions wrap to the panel; the character timeline
 * keeps its columns and scrolls sideways when the panel is narrow, so nothing is cut off.
 */
export function textReport(text: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => /^\s*timeline \(/.test(line));
  const summary = at < 0 ? text : lines.slice(0, at).join("\n");
  const rows = at < 0 ? "" : lines.slice(at).join("\n");
  let html = `<pre class="summary">${escapeHtml(summary.replace(/\s+$/, ""))}</pre>`;
  if (rows !== "") {
    html += `\n<pre class="rows">${escapeHtml(rows.replace(/\s+$/, ""))}</pre>`;
  }
  return html;
}

/** A fresh nonce for the page's script. */
export function makeNonce(): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let nonce = "";
  for (let i = 0; i < 32; i++) {
    nonce += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return nonce;
}
