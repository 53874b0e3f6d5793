#!/usr/bin/env python3
"""Compare the findings of `asyncls check` on a corpus with a baseline.

    python3 bench/corpus_identical.py [BASELINE_JSON] [CORPUS_DIR] [-- EXTRA CHECK FLAGS]

Defaults: /work/baseline/default.json and /work/corpus/src. Runs
bin/asyncls check --format json on the corpus, compares each finding
(path, position, code, message, fix) with the baseline, prints the ones
only in either, and exits 1 when they differ.
"""
import json
import subprocess
import sys


def key(d):
    return json.dumps(d, sort_keys=True)


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    baseline = args[0] if len(args) > 0 else "/work/baseline/default.json"
    corpus = args[1] if len(args) > 1 else "/work/corpus/src"
    out = subprocess.run(["bin/asyncls", "check", "--format", "json", *extra, corpus],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        print(out.stderr, file=sys.stderr)
        sys.exit(2)
    got = {key(d): d for d in json.loads(out.stdout)}
    with open(baseline) as f:
        want = {key(d): d for d in json.load(f)}
    missing = [want[k] for k in want if k not in got]
    extra_found = [got[k] for k in got if k not in want]
    for title, items in (("only in the baseline", missing), ("only now", extra_found)):
        for d in sorted(items, key=lambda d: (d["path"], d["line"], d["column"], d["code"])):
            print("%s: %s:%d:%d: %s %s" % (title, d["path"], d["line"], d["column"], d["code"], d["message"]))
    print("%d finding(s) now, %d in the baseline, %d only in the baseline, %d only now"
          % (len(got), len(want), len(missing), len(extra_found)))
    sys.exit(1 if missing or extra_found else 0)


if __name__ == "__main__":
    main()
