const DEF_PATTERN = /^(\s*)(async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*[([]/;
const CLASS_PATTERN = /^(\s*)class\s+([A-Za-z_][A-Za-z0-9_]*)/;

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].replace(/\t/g, "        ").length : 0;
}

function isCode(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !trimmed.startsWith("#");
}

/**
 * The dotted name (e.g. `main`, `Client.fetch`) of the innermost `async def` whose header or
 * body contains `cursorLine`, or undefined. Indentation-based, so it works on a file that does
 * not parse yet; continuation lines of brackets are counted as body lines.
 */
export function findCoroutineAt(lines: string[], cursorLine: number): string | undefined {
  if (cursorLine < 0 || cursorLine >= lines.length) {
    return undefined;
  }
  // Walk upwards collecting the enclosing blocks: each header with a smaller indentation than
  // everything seen below it encloses the cursor.
  let limit = Infinity;
  const enclosing: { kind: "def" | "async def" | "class"; name: string }[] = [];
  for (let index = cursorLine; index >= 0; index--) {
    const line = lines[index];
    if (!isCode(line)) {
      continue;
    }
    const indent = indentOf(line);
    const isCursorLine = index === cursorLine;
    if (!isCursorLine && indent >= limit) {
      continue;
    }
    const def = DEF_PATTERN.exec(line);
    const cls = CLASS_PATTERN.exec(line);
    if (def) {
      enclosing.push({ kind: def[2] ? "async def" : "def", name: def[3] });
    } else if (cls) {
      enclosing.push({ kind: "class", name: cls[2] });
    }
    limit = Math.min(limit, indent);
    if (indent === 0) {
      break;
    }
  }
  // enclosing is innermost first; the innermost function must be an async def.
  const innermost = enclosing.findIndex((block) => block.kind !== "class");
  if (innermost < 0 || enclosing[innermost].kind !== "async def") {
    return undefined;
  }
  return enclosing
    .slice(innermost)
    .reverse()
    .map((block) => block.name)
    .join(".");
}
