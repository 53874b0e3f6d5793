#!/usr/bin/env python3
"""Run asyncls on every judged corpus and count true / debatable / false per code.

    python3 bench/precision_all.py BIN OUTDIR [--corpora src,2,3,...] [--rerun]

Runs `BIN check --no-cache --format json .` in /work/corpus/src and
bench/heldout_findings.py for /work/corpus2 ... /work/corpus22 (skipping a
corpus whose directory or verdict file is missing, and reusing OUTDIR/cN.json unless --rerun),
then joins every finding with its corpus's verdict file (docs/precision.md
says which) and prints per-corpus totals, per-code totals over all corpora,
and the unjudged findings. This is the count docs/precision.md reports.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JUDGED = {"src": "precision_judged.tsv", "2": "precision_heldout.tsv"}
ROOTS = {"src": "/work/corpus/src"}
for n in range(3, 23):
    JUDGED[str(n)] = f"precision_heldout{n}.tsv"
for n in range(2, 23):
    ROOTS[str(n)] = f"/work/corpus{n}"
# corpus23 (bench/heldout23_README.md), registered on its own so that it does not depend on corpus22's
JUDGED["23"] = "precision_heldout23.tsv"
ROOTS["23"] = "/work/corpus23"
# corpus24 (bench/heldout24_README.md), registered the same way
JUDGED["24"] = "precision_heldout24.tsv"
ROOTS["24"] = "/work/corpus24"
# corpus25 (bench/heldout25_README.md), registered the same way
JUDGED["25"] = "precision_heldout25.tsv"
ROOTS["25"] = "/work/corpus25"
JUDGED["30"], ROOTS["30"] = "precision_heldout30.tsv", "/work/corpus30"  # corpus30 (bench/heldout30_README.md)
JUDGED["35"], ROOTS["35"] = "precision_heldout35.tsv", "/work/corpus35"  # corpus35 (bench/heldout35_README.md), apart from corpus33's and corpus34's lines
# corpus26 (bench/heldout26_README.md), registered the same way
JUDGED["26"] = "precision_heldout26.tsv"
ROOTS["26"] = "/work/corpus26"
# corpus28 (bench/heldout28_README.md), registered the same way
JUDGED["28"] = "precision_heldout28.tsv"
ROOTS["28"] = "/work/corpus28"


# corpus27 (bench/heldout27_README.md), registered the same way, two lines apart from corpus26's so that the branches merge cleanly
JUDGED["27"] = "precision_heldout27.tsv"
ROOTS["27"] = "/work/corpus27"


# corpus29 (bench/heldout29_README.md), registered the same way, apart from corpus27's and corpus30's lines so that the branches merge cleanly
JUDGED["29"] = "precision_heldout29.tsv"
ROOTS["29"] = "/work/corpus29"


# corpus31 (bench/heldout31_README.md), apart from corpus29's and corpus30's lines so that the branches merge cleanly
JUDGED["31"], ROOTS["31"] = "precision_heldout31.tsv", "/work/corpus31"


# corpus32 (bench/heldout32_README.md), apart from corpus31's lines so that the branches merge cleanly
JUDGED["32"], ROOTS["32"] = "precision_heldout32.tsv", "/work/corpus32"

# corpus33 (bench/heldout33_README.md), apart from corpus32's lines so that the branches merge cleanly
JUDGED["33"], ROOTS["33"] = "precision_heldout33.tsv", "/work/corpus33"


# corpus34 (bench/heldout34_README.md), apart from corpus33's lines so that the branches merge cleanly
JUDGED["34"], ROOTS["34"] = "precision_heldout34.tsv", "/work/corpus34"

# corpus41 (bench/heldout41_README.md), placed after corpus34 (not at the end of the block) so that it merges cleanly with corpus40
JUDGED["41"], ROOTS["41"] = "precision_heldout41.tsv", "/work/corpus41"


# corpus36 (bench/heldout36_README.md), apart from corpus34's and corpus35's lines so that the branches merge cleanly
JUDGED["36"], ROOTS["36"] = "precision_heldout36.tsv", "/work/corpus36"

# corpus38 (bench/heldout38_README.md), apart from corpus36's and corpus37's lines so that the branches merge cleanly
JUDGED["38"], ROOTS["38"] = "precision_heldout38.tsv", "/work/corpus38"


# corpus37 (bench/heldout37_README.md), apart from corpus36's lines so that the branches merge cleanly
JUDGED["37"], ROOTS["37"] = "precision_heldout37.tsv", "/work/corpus37"


# corpus39 (bench/heldout39_README.md), kept at the end of this block, apart from corpus37's and corpus38's lines so that the branches merge cleanly
JUDGED["39"], ROOTS["39"] = "precision_heldout39.tsv", "/work/corpus39"


# corpus40 (bench/heldout40_README.md), after corpus39's lines so that the branches merge cleanly
JUDGED["40"], ROOTS["40"] = "precision_heldout40.tsv", "/work/corpus40"

# corpus44 (bench/heldout44_README.md: applications and services from sid), lines apart from corpus40's and 42's so that merges stay clean
JUDGED["44"], ROOTS["44"] = "precision_heldout44.tsv", "/work/corpus44"

# corpus42 (bench/heldout42_README.md), two lines apart from corpus40's so that other corpora's lines merge cleanly
JUDGED["42"], ROOTS["42"] = "precision_heldout42.tsv", "/work/corpus42"
# corpus43 (bench/heldout43_README.md: the pytest suites of source packages), two lines apart from corpus40's so that corpus42's lines merge cleanly
JUDGED["43"], ROOTS["43"] = "precision_heldout43.tsv", "/work/corpus43"



# corpus45 (bench/heldout45_README.md: BitTorrent/DHT clients, Prometheus exporters, a MUD server, from GitHub), three lines apart from corpus43's so that merges stay clean
JUDGED["45"], ROOTS["45"] = "precision_heldout45.tsv", "/work/corpus45"



# corpus46 (bench/heldout46_README.md: DNS, DHCP, SOCKS5, tunnels and an ActivityPub server, from GitHub), three lines apart from corpus45's so that merges stay clean
JUDGED["46"], ROOTS["46"] = "precision_heldout46.tsv", "/work/corpus46"



# corpus47 (bench/heldout47_README.md: an uptime monitor, an ASGI gateway with its middleware, an OCPP charging central system, a statsd client, a blockchain indexer, from GitHub), three lines apart from corpus46's so that merges stay clean
JUDGED["47"], ROOTS["47"] = "precision_heldout47.tsv", "/work/corpus47"



# corpus48 (bench/heldout48_README.md: a chat-ops bot framework, a home-automation rule engine, an async SCPI instrument library, a multi-tenant SaaS back end, a Redis job queue library, from GitHub), three lines apart from corpus47's so that merges stay clean
JUDGED["48"], ROOTS["48"] = "precision_heldout48.tsv", "/work/corpus48"



# corpus49 (bench/heldout49_README.md: a drone flight-control module, a Raft consensus library, a BACnet building-automation stack, ffmpeg subprocess pipelines, a 3D-printer host API server, from GitHub), three lines apart from corpus48's so that merges stay clean
JUDGED["49"], ROOTS["49"] = "precision_heldout49.tsv", "/work/corpus49"



# corpus50 (bench/heldout50_README.md: a GraphQL server's subscription protocols and dataloader, a libp2p pubsub stack on trio, a TFTP server library, a TCP/SYN port scanner, a CAN-bus SCADA reader, from GitHub), three lines apart from corpus49's so that merges stay clean
JUDGED["50"], ROOTS["50"] = "precision_heldout50.tsv", "/work/corpus50"


def verdicts(path):
    v = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p, lineno, code, verdict, reason = line.rstrip("\n").split("\t", 4)
            v[(p, int(lineno), code)] = (verdict, reason)
    return v


def run(binary, name, root, out):
    if name == "src":
        with open(out, "w") as f:
            r = subprocess.run([binary, "check", "--no-cache", "--format", "json", "."], cwd=root, stdout=f)
        if r.returncode not in (0, 1):
            sys.exit(f"{name}: asyncls exited {r.returncode}")
    else:
        subprocess.run([sys.executable, os.path.join(HERE, "heldout_findings.py"), binary, out, "--root", root], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("outdir")
    ap.add_argument("--corpora", default=",".join(JUDGED))
    ap.add_argument("--rerun", action="store_true")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    os.makedirs(a.outdir, exist_ok=True)
    per_code = collections.Counter()
    total = collections.Counter()
    unjudged = []
    print(f"{'corpus':8} {'T':>4} {'D':>4} {'F':>4} {'?':>4}")
    for name in a.corpora.split(","):
        root = ROOTS[name]
        if not os.path.isdir(root):
            print(f"{name:8} (missing {root})")
            continue
        if not os.path.exists(os.path.join(HERE, JUDGED[name])):
            print(f"{name:8} (no verdict file {JUDGED[name]} on this branch)")
            continue
        out = os.path.join(a.outdir, f"c{name}.json")
        if a.rerun or not os.path.exists(out):
            run(binary, name, root, out)
        v = verdicts(os.path.join(HERE, JUDGED[name]))
        with open(out) as f:
            findings = json.load(f)
        c = collections.Counter()
        for d in findings:
            verdict = v.get((d["path"], d["line"], d["code"]), ("?", ""))[0]
            c[verdict] += 1
            per_code[(d["code"], verdict)] += 1
            if verdict == "?":
                unjudged.append((name, d))
        total.update(c)
        print(f"{name:8} {c['T']:4} {c['D']:4} {c['F']:4} {c['?']:4}")
    print(f"{'all':8} {total['T']:4} {total['D']:4} {total['F']:4} {total['?']:4}")
    print()
    print(f"{'code':10} {'T':>4} {'D':>4} {'F':>4} {'?':>4}")
    for code in sorted({c for c, _ in per_code}):
        print(f"{code:10} " + " ".join(f"{per_code[(code, x)]:4}" for x in "TDF?"))
    for name, d in unjudged:
        print(f"unjudged corpus {name}: {d['path']}:{d['line']}: {d['code']} {d['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
