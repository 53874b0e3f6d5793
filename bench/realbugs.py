#!/usr/bin/env python3
"""Real missing-await bugs: does asyncls find each and stay quiet on its fix?

    go build -o bin/asyncls ./cmd/asyncls && python3 bench/realbugs.py   # or ASYNCLS_BIN=path

bench/realbugs/bug/NAME.py is the reduced shape of a bug a real project
fixed (its header names the issue or pull request); fix/NAME.py is the same
code after the fix. A bug is found when `asyncls check` (default rules)
reports ASL102 in bug/NAME.py; the fix is quiet when it reports no ASL102
in fix/NAME.py. Prints one line per case and the hit rate; exits 1 when a
fix is not quiet.
"""
import json
import os
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "realbugs")
BIN = os.environ.get("ASYNCLS_BIN") or os.path.join(os.path.dirname(HERE), "..", "bin", "asyncls")


def findings(path):
    out = subprocess.run([BIN, "check", "--no-cache", "--output-format", "json", path],
                         capture_output=True, text=True, cwd=os.path.dirname(path))
    if out.returncode not in (0, 1):
        sys.exit("asyncls failed on %s: %s" % (path, out.stderr))
    return [d for d in json.loads(out.stdout) if d["code"] == "ASL102"]


def main():
    names = sorted(f for f in os.listdir(os.path.join(HERE, "bug")) if f.endswith(".py"))
    found = quiet = 0
    for name in names:
        bug = findings(os.path.join(HERE, "bug", name))
        fix = findings(os.path.join(HERE, "fix", name))
        found += bool(bug)
        quiet += not fix
        print("%-28s %-6s %s" % (name, "found" if bug else "MISSED", "fix quiet" if not fix else "FIX ALARM: %s" % fix[0]["message"]))
    print("found %d of %d; quiet on %d of %d fixes" % (found, len(names), quiet, len(names)))
    sys.exit(0 if quiet == len(names) else 1)


main()
