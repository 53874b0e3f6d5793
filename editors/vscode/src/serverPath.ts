import { execFileSync } from "child_process";
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
 * The directories `go install` puts binaries in: $GOBIN, else the bin directory of each
 * GOPATH entry ($GOPATH, else `go env GOPATH`, else ~/go). VS Code started from a desktop
 * launcher often lacks them on PATH.
 */
export function goBinDirs(env: NodeJS.ProcessEnv): string[] {
  if (env.GOBIN) {
    return [env.GOBIN];
  }
  let gopath = env.GOPATH ?? "";
  if (gopath === "") {
    try {
      gopath = execFileSync("go", ["env", "GOPATH"], { env, timeout: 3000, encoding: "utf8" }).trim();
    } catch {
      gopath = "";
    }
  }
  if (gopath === "") {
    gopath = path.join(env.HOME ?? os.homedir(), "go");
  }
  return gopath.split(path.delimiter).filter((dir) => dir.length > 0).map((dir) => path.join(dir, "bin"));
}

const notFound =
  "asyncls: the asyncls executable was not found on PATH or in $(go env GOPATH)/bin. Build it from a clone of the asyncls repository (`go install ./cmd/asyncls`; the module is not published, so `go install ...@latest` does not work) or set asyncls.path.";

/**
 * Finds the asyncls executable: the `asyncls.path` setting when set (it must exist), else
 * `asyncls` on PATH, else in the Go bin directory.
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
  const onPath = findOnPath("asyncls", env) ?? findOnPath("asyncls", { PATH: goBinDirs(env).join(path.delimiter), PATHEXT: env.PATHEXT });
  if (onPath) {
    return { path: onPath, problem: "" };
  }
  return { problem: notFound };
}
