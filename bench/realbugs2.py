#!/usr/bin/env python3
"""Held-out real bugs: does asyncls find each in the project's own file(s)
and stay quiet on the project's fix?

    go build -o bin/asyncls ./cmd/asyncls && python3 bench/realbugs2.py [-v] [DIR] [NAME...]

DIR is the set of cases (default bench/realbugs2; bench/realbugs3 is the
second held-out set, built the same way). Each directory DIR/NAME/ holds
one bug a real project fixed:

  CASE   key: value lines — repo, url (the issue or pull request), expect
         (the codes that count as finding it, separated by |), line
         (FILE:LINE of the buggy line inside bug/), fix (how the fix/ files
         were obtained), note
  bug/   the project's file(s) before the fix (imports, classes and the
         other modules the receiver comes from kept; trimmed only where huge)
  fix/   the same file(s) after the fix

Since the thirty-third session a set's bug/ and fix/ trees may be kept
outside the repository (the search tool's index, where later sets read
the projects' files, says its code stays out of our commits): they are
then looked up as TREES/SET/NAME/bug and fix/, where TREES is
$ASYNCLS_REALBUGS_TREES or ../realbugs_trees beside the clone. A case
whose trees are in neither place is skipped and named, not counted (see
bench/realbugs_trees.md).

A CASE may name findings in fix/ that are real bugs the project fixed later
(`fix-known: FILE:LINE CODE (evidence); ...`); they are not alarms.

asyncls runs as a user would: `check` with the default rules on bug/ and on
fix/ as two small projects. A bug is found when a finding with an expected
code is on the buggy line. A fix alarm is a finding with an expected code in
fix/ whose (file, code, source line) is not also reported in bug/ — findings
both versions share are about other code of the file, not about this bug.
Prints one line per case and the totals; exits 1 when a fix alarms.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
TREES = os.path.abspath(os.environ.get("ASYNCLS_REALBUGS_TREES") or os.path.join(BENCH, "..", "..", "realbugs_trees"))
BIN = os.path.abspath(os.environ.get("ASYNCLS_BIN") or os.path.join(BENCH, "..", "bin", "asyncls"))


def read_case(case_dir):
    case = {}
    with open(os.path.join(case_dir, "CASE"), encoding="utf-8") as f:
        for raw in f:
            key, sep, value = raw.partition(":")
            if sep and key.strip() and not raw.startswith((" ", "\t", "#")):
                case[key.strip()] = value.strip()
    for key in ("repo", "url", "expect", "line"):
        if key not in case:
            sys.exit("%s/CASE: missing %r" % (case_dir, key))
    return case


def findings(side, codes):
    # Each side is checked as its own project, as a checkout would be: a
    # copy under a fresh directory with a pyproject.toml, so the repository
    # around bench/ (and the other side, whose modules have the same names)
    # is not part of it.
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "project")
        shutil.copytree(side, root)
        open(os.path.join(root, "pyproject.toml"), "w").close()
        return project_findings(root, codes)


def project_findings(root, codes):
    out = subprocess.run([BIN, "check", "--no-cache", "--output-format", "json", "."],
                         capture_output=True, text=True, cwd=root)
    if out.returncode not in (0, 1):
        sys.exit("asyncls failed on %s: %s" % (root, out.stderr))
    result = []
    for d in json.loads(out.stdout):
        if d["code"] not in codes:
            continue
        path = os.path.relpath(os.path.join(root, d["path"]), root)
        with open(os.path.join(root, path), encoding="utf-8") as f:
            lines = f.read().splitlines()
        row = d["line"]
        text = lines[row - 1].strip() if 0 < row <= len(lines) else ""
        result.append((path, row, d["code"], text, d["message"]))
    return result


def main():
    verbose = "-v" in sys.argv[1:]
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    cases = os.path.join(BENCH, "realbugs2")
    if wanted and os.path.isdir(wanted[0]) and not os.path.isfile(os.path.join(wanted[0], "CASE")):
        cases = os.path.abspath(wanted.pop(0))
    names = sorted(n for n in os.listdir(cases) if os.path.isfile(os.path.join(cases, n, "CASE")))
    if wanted:
        names = [n for n in names if n in wanted]
    found = quiet = 0
    skipped = []
    for name in names:
        case_dir = os.path.join(cases, name)
        case = read_case(case_dir)
        codes = set(case["expect"].split("|"))
        bug_file, _, bug_line = case["line"].rpartition(":")
        trees = case_dir
        if not os.path.isdir(os.path.join(trees, "bug")):
            trees = os.path.join(TREES, os.path.basename(cases), name)
        if not (os.path.isdir(os.path.join(trees, "bug")) and os.path.isdir(os.path.join(trees, "fix"))):
            skipped.append(name)
            print("%-34s %-15s SKIPPED: bug/ and fix/ are in neither %s nor %s" % (name, case["expect"], case_dir, trees))
            continue
        bug = findings(os.path.join(trees, "bug"), codes)
        fix = findings(os.path.join(trees, "fix"), codes)
        hit = [f for f in bug if f[0] == bug_file and f[1] == int(bug_line)]
        shared = {(f[0], f[2], f[3]) for f in bug}
        # fix-known: findings in fix/ that are real bugs the project fixed
        # later (the CASE gives the evidence): not alarms.
        known = set()
        for entry in case.get("fix-known", "").split(";"):
            where, _, rest = entry.strip().partition(" ")
            if where:
                known.add((where, rest.split()[0] if rest.split() else ""))
        alarms = [f for f in fix if (f[0], f[2], f[3]) not in shared and ("%s:%d" % (f[0], f[1]), f[2]) not in known]
        found += bool(hit)
        quiet += not alarms
        status = ("found " + hit[0][2]) if hit else "MISSED"
        print("%-34s %-15s %-13s %s" % (name, case["expect"], status,
                                         "fix quiet" if not alarms else "FIX ALARM %s:%d %s" % alarms[0][:3]))
        if verbose:
            for f in bug:
                print("    bug %s:%d %s %s" % (f[0], f[1], f[2], f[4][:150]))
            for f in alarms:
                print("    fix %s:%d %s %s" % (f[0], f[1], f[2], f[4][:150]))
    run = len(names) - len(skipped)
    print("found %d of %d; quiet on %d of %d fixes%s" % (found, run, quiet, run,
                                                         "; %d skipped (trees absent)" % len(skipped) if skipped else ""))
    sys.exit(0 if quiet == run else 1)


main()
