#!/usr/bin/env python3
"""Compare asyncls findings with a baseline JSON (output of `asyncls check --format json`).

    python3 bench/corpus_codes.py BASELINE.json NEW.json [--code CODE ...] [--list] [--source]

Prints, per code, the baseline count, the new count and how many findings
appeared or disappeared (keyed by path, line and code, so a changed message is
not a difference). --list prints the findings that appeared or disappeared;
--source adds the line of source each points at. Used to read what a rule
change does to the real-code corpus (/work/corpus/src) before committing it.
"""
import argparse
import collections
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def key(d):
    return (d["path"], d["line"], d["code"])


def source_line(path, line, cache={}):
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().splitlines()
        except OSError:
            cache[path] = []
    lines = cache[path]
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("baseline")
    ap.add_argument("new")
    ap.add_argument("--code", action="append", help="only these codes (repeatable)")
    ap.add_argument("--list", action="store_true", help="list findings that appeared or disappeared")
    ap.add_argument("--source", action="store_true", help="with --list, show the source line")
    a = ap.parse_args()

    old, new = load(a.baseline), load(a.new)
    if a.code:
        keep = set(a.code)
        old = [d for d in old if d["code"] in keep]
        new = [d for d in new if d["code"] in keep]
    old_keys = collections.Counter(key(d) for d in old)
    new_keys = collections.Counter(key(d) for d in new)
    gone = old_keys - new_keys
    added = new_keys - old_keys

    codes = sorted({d["code"] for d in old} | {d["code"] for d in new})
    count_old = collections.Counter(d["code"] for d in old)
    count_new = collections.Counter(d["code"] for d in new)
    gone_by = collections.Counter(k[2] for k in gone.elements())
    added_by = collections.Counter(k[2] for k in added.elements())
    print(f"{'code':10} {'base':>6} {'new':>6} {'-gone':>6} {'+added':>6}")
    for c in codes:
        print(f"{c:10} {count_old[c]:6} {count_new[c]:6} {-gone_by[c]:6} {added_by[c]:+6}")
    print(f"{'total':10} {len(old):6} {len(new):6} {-sum(gone.values()):6} {sum(added.values()):+6}")

    if a.list:
        by_key = {key(d): d for d in old}
        by_key.update({key(d): d for d in new})
        for label, keys in (("gone", gone), ("added", added)):
            if not keys:
                continue
            print(f"\n== {label}")
            for k in sorted(keys):
                d = by_key[k]
                print(f"{d['path']}:{d['line']}:{d['column']}: {d['code']} {d['message']}")
                if a.source:
                    print("    | " + source_line(d["path"], d["line"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
