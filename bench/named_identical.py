#!/usr/bin/env python3
"""Check that `asyncls check FILE` reports exactly what `asyncls check .`
reports for FILE, on files of a project (issue 10: one answer everywhere).

    python3 bench/named_identical.py PROJECT_DIR [N] [-- EXTRA CHECK FLAGS]

Runs bin/asyncls (absolute path of this checkout) once on the whole project
and then on N files (default 30: the files with the most findings, then
others spread over the project) one at a time, from PROJECT_DIR, and prints
each file's time and whether its findings are identical. Exits 1 on a
difference. Use --no-cache to measure cold runs.
"""
import json
import os
import subprocess
import sys
import time

ASYNCLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bin", "asyncls")


def run(args, cwd):
    start = time.time()
    out = subprocess.run([ASYNCLS, "check", "--output-format", "json", *args], cwd=cwd,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("asyncls failed: " + out.stderr)
    return json.loads(out.stdout), time.time() - start


def key(d):
    return json.dumps(d, sort_keys=True)


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    project = os.path.abspath(args[0])
    n = int(args[1]) if len(args) > 1 else 30
    whole, took = run([*extra, "."], project)
    print("whole project: %d findings, %.2f s" % (len(whole), took))
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
    bad = 0
    for f in files:
        got, took = run([*extra, f], project)
        same = sorted(map(key, got)) == sorted(map(key, by_path.get(f, [])))
        bad += not same
        print("%-70s %3d findings %6.2f s %s" % (f, len(got), took, "same" if same else "DIFFERENT"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
