#!/usr/bin/env python3
"""Run `asyncls check` on every held-out project and merge the findings.

    python3 bench/heldout_findings.py ASYNCLS OUT.json [--root /work/corpus2] [--manifest M.tsv] [-- EXTRA CHECK FLAGS]

The projects are the manifest's (bench/heldout_manifest.tsv by default; with
--root /work/corpus3 and no --manifest, bench/heldout3_manifest.tsv; with
--root /work/corpus4, bench/heldout4_manifest.tsv; and so on up to corpus22).

Each project of bench/heldout_manifest.tsv is checked from its own directory
(its own root, as a user would run it), with --no-cache and JSON output; the
paths in OUT.json are prefixed with the project name, so they are relative to
--root, as bench/precision_counts.py expects:

    python3 bench/precision_counts.py OUT.json --root /work/corpus2 --judged bench/precision_heldout.tsv

Anything asyncls writes to stderr, an exit status other than 0 (no findings)
or 1 (findings), and a run over the time limit are reported: on real code
they are bugs (a crash, a hang, a warning nobody asked for).
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The manifest of each held-out corpus, by the name of its root directory.
MANIFESTS = {"corpus2": "heldout_manifest.tsv", "corpus3": "heldout3_manifest.tsv", "corpus4": "heldout4_manifest.tsv",
             "corpus5": "heldout5_manifest.tsv", "corpus6": "heldout6_manifest.tsv",
             "corpus7": "heldout7_manifest.tsv", "corpus8": "heldout8_manifest.tsv",
             "corpus9": "heldout9_manifest.tsv", "corpus10": "heldout10_manifest.tsv",
             "corpus11": "heldout11_manifest.tsv",
             "corpus12": "heldout12_manifest.tsv", "corpus13": "heldout13_manifest.tsv",
             "corpus14": "heldout14_manifest.tsv", "corpus15": "heldout15_manifest.tsv",
             "corpus16": "heldout16_manifest.tsv", "corpus17": "heldout17_manifest.tsv",
             "corpus18": "heldout18_manifest.tsv",
             "corpus19": "heldout19_manifest.tsv",
             "corpus20": "heldout20_manifest.tsv",
             "corpus21": "heldout21_manifest.tsv",
             "corpus22": "heldout22_manifest.tsv",
             "corpus23": "heldout23_manifest.tsv",
             "corpus24": "heldout24_manifest.tsv",
             "corpus25": "heldout25_manifest.tsv",
             "corpus26": "heldout26_manifest.tsv",
             "corpus28": "heldout28_manifest.tsv"}


MANIFESTS["corpus27"] = "heldout27_manifest.tsv"  # apart from the dict so that corpus26's entry merges cleanly

MANIFESTS["corpus29"] = "heldout29_manifest.tsv"  # apart, so that corpus27's and corpus30's entries merge cleanly



MANIFESTS["corpus30"] = "heldout30_manifest.tsv"  # corpus30 (bench/heldout30_README.md), on its own line so that other corpora's entries merge cleanly
MANIFESTS["corpus35"] = "heldout35_manifest.tsv"  # corpus35 (bench/heldout35_README.md), apart from corpus33's and corpus34's entries

MANIFESTS["corpus36"] = "heldout36_manifest.tsv"  # corpus36 (bench/heldout36_README.md), apart from corpus35's entry

MANIFESTS["corpus37"] = "heldout37_manifest.tsv"  # corpus37 (bench/heldout37_README.md), apart from corpus36's entry


MANIFESTS["corpus31"] = "heldout31_manifest.tsv"  # corpus31 (bench/heldout31_README.md), apart so that other corpora's entries merge cleanly

MANIFESTS["corpus38"] = "heldout38_manifest.tsv"  # corpus38 (bench/heldout38_README.md), apart from corpus31's and corpus32's entries


MANIFESTS["corpus32"] = "heldout32_manifest.tsv"  # corpus32 (bench/heldout32_README.md), apart so that other corpora's entries merge cleanly

MANIFESTS["corpus41"] = "heldout41_manifest.tsv"  # corpus41 (bench/heldout41_README.md), between corpus32's and corpus33's so that corpus40's entry merges cleanly


MANIFESTS["corpus33"] = "heldout33_manifest.tsv"  # corpus33 (bench/heldout33_README.md), apart so that other corpora's entries merge cleanly

MANIFESTS["corpus44"] = "heldout44_manifest.tsv"  # corpus44 (bench/heldout44_README.md), between corpus33's and corpus34's so that other corpora's entries merge cleanly

MANIFESTS["corpus34"] = "heldout34_manifest.tsv"  # corpus34 (bench/heldout34_README.md), apart so that other corpora's entries merge cleanly


MANIFESTS["corpus39"] = "heldout39_manifest.tsv"  # corpus39 (bench/heldout39_README.md), apart so that other corpora's entries (corpus38's) merge cleanly


MANIFESTS["corpus40"] = "heldout40_manifest.tsv"  # corpus40 (bench/heldout40_README.md), apart so that other corpora's entries merge cleanly



MANIFESTS["corpus42"] = "heldout42_manifest.tsv"  # corpus42 (bench/heldout42_README.md), apart so that other corpora's entries merge cleanly
MANIFESTS["corpus43"] = "heldout43_manifest.tsv"  # corpus43 (bench/heldout43_README.md: test suites of source packages), apart so that corpus42's entry merges cleanly


MANIFESTS["corpus45"] = "heldout45_manifest.tsv"  # corpus45 (bench/heldout45_README.md), two lines apart from corpus43's so that other corpora's entries merge cleanly


MANIFESTS["corpus46"] = "heldout46_manifest.tsv"  # corpus46 (bench/heldout46_README.md), two lines apart from corpus45's so that other corpora's entries merge cleanly


MANIFESTS["corpus47"] = "heldout47_manifest.tsv"  # corpus47 (bench/heldout47_README.md), two lines apart from corpus46's so that other corpora's entries merge cleanly


MANIFESTS["corpus48"] = "heldout48_manifest.tsv"  # corpus48 (bench/heldout48_README.md), two lines apart from corpus47's so that other corpora's entries merge cleanly


MANIFESTS["corpus49"] = "heldout49_manifest.tsv"  # corpus49 (bench/heldout49_README.md), two lines apart from corpus48's so that other corpora's entries merge cleanly


MANIFESTS["corpus50"] = "heldout50_manifest.tsv"  # corpus50 (bench/heldout50_README.md), two lines apart from corpus49's so that other corpora's entries merge cleanly


def projects(manifest):
    """The manifest's projects, once each (corpus14's manifest has a row per file)."""
    seen = set()
    with open(manifest) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            proj = line.split("\t", 1)[0]
            if proj not in seen:
                seen.add(proj)
                yield proj


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("asyncls")
    ap.add_argument("out")
    ap.add_argument("--root", default="/work/corpus2")
    ap.add_argument("--manifest", help="the projects' manifest (default: by --root, see above)")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("extra", nargs="*", help="more `check` flags (after --)")
    # `-- --select ALL`: argparse hands the flags after `--` to no
    # positional once `extra` is filled, so collect them here.
    a, rest = ap.parse_known_args()
    a.extra = [x for x in a.extra + rest if x != "--"]
    exe = os.path.abspath(a.asyncls)
    merged, problems = [], 0
    manifest = a.manifest
    if not manifest:
        name = MANIFESTS.get(os.path.basename(os.path.normpath(a.root)), "heldout_manifest.tsv")
        manifest = os.path.join(HERE, name)
    for proj in projects(manifest):
        d = os.path.join(a.root, proj)
        if not os.path.isdir(d):
            sys.exit(f"heldout_findings: {d} is missing; build it with bench/fetch_heldout.py")
        start = time.monotonic()
        try:
            r = subprocess.run([exe, "check", "--no-cache", "--output-format", "json", *a.extra, "."],
                               cwd=d, capture_output=True, text=True, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            print(f"{proj}: HANG (over {a.timeout:.0f} s)")
            problems += 1
            continue
        took = time.monotonic() - start
        found = json.loads(r.stdout) if r.stdout.strip() else []
        for f in found:
            f["path"] = proj + "/" + f["path"]
        merged.extend(found)
        note = ""
        if r.returncode not in (0, 1):
            note += f" EXIT {r.returncode}"
            problems += 1
        if r.stderr.strip():
            note += " STDERR: " + r.stderr.strip().replace("\n", " | ")[:500]
            problems += 1
        print(f"{proj:18} {len(found):4} findings  {took:6.2f} s{note}")
    with open(a.out, "w") as f:
        json.dump(merged, f, indent=1)
    print(f"total {len(merged)} findings; {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
