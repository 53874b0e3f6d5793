#!/usr/bin/env python3
"""Check that `asyncls check FILE` reports exactly what `asyncls check .`
reports for FILE, on files of a project (issue 10: one answer everywhere).

    python3 bench/named_identical.py [--fresh-cache] PROJECT_DIR [N] [-- EXTRA CHECK FLAGS]

Runs bin/asyncls (absolute path of this checkout) once on the whole project
and then on N files (default 30: the files with the most findings, then
others spread over the project) one at a time, from PROJECT_DIR, and prints
each file's time and whether its findings are identical. Exits 1 on a
difference. Use --no-cache to measure cold runs without the cache. With the
cache (no --no-cache), the file runs reuse the cache the whole-project run
left (warm; set ASYNCLS_CACHE_DIR to keep it out of the project), unless
--fresh-cache gives each file run an empty cache directory of its own (the
cache's cold path).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ASYNCLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bin", "asyncls")


def run(args, cwd, env=None):
    start = time.time()
    out = subprocess.run([ASYNCLS, "check", "--output-format", "json", *args], cwd=cwd,
                         capture_output=True, text=True, env=env)
    if out.returncode not in (0, 1):
        sys.exit("asyncls failed: " + out.stderr)
    return json.loads(out.stdout), time.time() - start


def key(d):
    return json.dumps(d, sort_keys=True)


def main():
    args = sys.argv[1:]
    fresh = "--fresh-cache" in args[: args.index("--") if "--" in args else len(args)]
    if fresh:
        args.remove("--fresh-cache")
    extra = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    project = os.path.abspath(args[0])
    n = int(args[1]) if len(args) > 1 else 30
    whole, took = run([*extra, "."], project)
    print("whole project: %d findings, %.2f s" % (len(whole), took))
    bad = 0
    if "--no-cache" not in extra:
        # The reference must not come from the cache under test.
        uncached, took = run([*extra, "--no-cache", "."], project)
        same = sorted(map(key, whole)) == sorted(map(key, uncached))
        bad += not same
        print("whole project --no-cache: %d findings, %.2f s, %s" % (len(uncached), took, "same" if same else "DIFFERENT"))
    by_path = {}
    for d in whole:
        by_path.setdefault(d["path"], []).append(d)
    files = sorted(by_path, key=lambda p: -len(by_path[p]))[: n // 2]
    every = []
    for root, _, names in os.walk(project):
        every += [os.path.relpath(os.path.join(root, f), project) for f in names if f.endswith(".py")]
    every.sort()
    step = max(1, len(every) // max(1, n - len(files)))
    files += [f for f in every[::step] if f not in files][: n - len(files)]
    for f in files:
        env = None
        if fresh:
            cache = tempfile.mkdtemp(prefix="asyncls-cache-")
            env = dict(os.environ, ASYNCLS_CACHE_DIR=cache)
        got, took = run([*extra, f], project, env)
        if fresh:
            shutil.rmtree(cache)
        same = sorted(map(key, got)) == sorted(map(key, by_path.get(f, [])))
        bad += not same
        print("%-70s %3d findings %6.2f s %s" % (f, len(got), took, "same" if same else "DIFFERENT"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
