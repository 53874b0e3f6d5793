import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface ServerPathResolution {
  /** Absolute path of the executable, when found. */
  path?: string;
  /** Why nothing was found, phrased for the user. */
  problem: string;
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!fs.statSync(candidate).isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(candidate, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Expands a leading ~ and ${workspaceFolder} (the first folder) in a configured path. */
export function expandConfiguredPath(configured: string, workspaceRoots: string[]): string {
  let expanded = configured.trim();
  if (expanded === "~" || expanded.startsWith("~/")) {
    expanded = path.join(os.homedir(), expanded.slice(1));
  }
  if (workspaceRoots.length > 0) {
    expanded = expanded.split("${workspaceFolder}").join(workspaceRoots[0]);
  }
  if (!path.isAbsolute(expanded) && workspaceRoots.length > 0 && expanded.includes(path.sep)) {
    expanded = path.join(workspaceRoots[0], expanded);
  }
  return expanded;
}

/** Looks for `name` in the directories of PATH (with PATHEXT on Windows). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter((dir) => dir.length > 0);
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension);
      if (isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * Finds the asyncls executable: the `asyncls.path` setting when set (it must exist), else
 * `asyncls` on PATH.
 */
export function resolveServerPath(
  configured: string,
  env: NodeJS.ProcessEnv,
  workspaceRoots: string[],
): ServerPathResolution {
  if (configured.trim() !== "") {
    const expanded = expandConfiguredPath(configured, workspaceRoots);
    if (isExecutableFile(expanded)) {
      return { path: expanded, problem: "" };
    }
    const onPath = path.isAbsolute(expanded) ? undefined : findOnPath(expanded, env);
    if (onPath) {
      return { path: onPath, problem: "" };
    }
    return {
      problem: `asyncls: the setting asyncls.path is "${configured}", but no executable file is there. Fix the setting or install asyncls.`,
    };
  }
  const onPath = findOnPath("asyncls", env);
  if (onPath) {
    return { path: onPath, problem: "" };
  }
  return {
    problem:
      "asyncls: the asyncls executable was not found on PATH. Install it (go install github.com/asyncls/asyncls/cmd/asyncls@latest) or set asyncls.path.",
  };
}
