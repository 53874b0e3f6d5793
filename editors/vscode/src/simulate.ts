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
 * The webview page: the SVG shown through an <img> data URI (an SVG rendered as an image runs
 * no scripts), under a policy that allows nothing else.
 */
export function simulationHtml(entry: string, svg: string, text: string): string {
  const image = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline';">
<title>asyncls: ${escapeHtml(entry)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
img { max-width: 100%; background: white; border: 1px solid var(--vscode-panel-border); }
pre { font-family: var(--vscode-editor-font-family); white-space: pre; overflow-x: auto; }
</style>
</head>
<body>
<h2>Simulated timeline of ${escapeHtml(entry)}</h2>
<img alt="timeline of ${escapeHtml(entry)}" src="${image}">
<pre>${escapeHtml(text)}</pre>
</body>
</html>
`;
}
