#!/usr/bin/env python3
"""Count judged findings per code: true / debatable / false.

    python3 bench/precision_counts.py FINDINGS.json [--judged bench/precision_judged.tsv] [--unjudged]

FINDINGS.json is `asyncls check --format json .` run inside the corpus
(/work/corpus/src), so paths are relative to it. bench/precision_judged.tsv
holds one human judgement per finding (path, line, code, T/D/F, reason); see
docs/precision.md. A finding with no judgement is counted as unjudged and,
with --unjudged, listed with its source line: read it and add a row.
"""
import argparse
import collections
import json
import os


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("findings")
    ap.add_argument("--judged", default=os.path.join(os.path.dirname(__file__), "precision_judged.tsv"))
    ap.add_argument("--root", default="/work/corpus/src", help="directory the findings' paths are relative to")
    ap.add_argument("--unjudged", action="store_true", help="list findings with no judgement")
    a = ap.parse_args()

    verdict = {}
    with open(a.judged) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            path, lineno, code, v, _reason = line.rstrip("\n").split("\t", 4)
            verdict[(path, int(lineno), code)] = v
    with open(a.findings) as f:
        findings = json.load(f)
    counts = collections.Counter()
    unjudged = []
    for d in findings:
        v = verdict.get((d["path"], d["line"], d["code"]), "?")
        counts[(d["code"], v)] += 1
        if v == "?":
            unjudged.append(d)
    codes = sorted({d["code"] for d in findings})
    print(f"{'code':10} {'true':>5} {'debat':>5} {'false':>5} {'unjudged':>8}")
    for c in codes:
        print(f"{c:10} {counts[(c, 'T')]:5} {counts[(c, 'D')]:5} {counts[(c, 'F')]:5} {counts[(c, '?')]:8}")
    tot = {v: sum(n for (_, vv), n in counts.items() if vv == v) for v in "TDF?"}
    print(f"{'total':10} {tot['T']:5} {tot['D']:5} {tot['F']:5} {tot['?']:8}")
    if a.unjudged:
        for d in unjudged:
            src = ""
            try:
                with open(os.path.join(a.root, d["path"]), encoding="utf-8", errors="replace") as f:
                    src = f.read().splitlines()[d["line"] - 1].strip()
            except (OSError, IndexError):
                pass
            print(f"{d['path']}:{d['line']}: {d['code']} {d['message']}\n    | {src}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
