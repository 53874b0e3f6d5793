#!/usr/bin/env python3
"""One answer everywhere, measured on real code (issue 10 section 1).

    python3 bench/one_answer.py CORPUS_ROOT [--bin bin/asyncls] [--with-findings N]
        [--without N] [--groups N] [--group-size K] [--server N] [--seed S]
        [--selects default,ALL] [--projects a,b] [--warm] [--out REPORT.json]

Each directory of CORPUS_ROOT is a project, checked from its own directory as
a user would (`asyncls check --no-cache --output-format json .`), with the
default rules and with `--select ALL`. That is the reference. Then, for a
seeded sample of the files with findings (N, 0 = all of them) and of the files
without (N), each mode below must report exactly the reference's findings for
the file (compared as whole JSON objects: position, code, message, fix):

  file     `check FILE` from the project's directory
  stdin    `check --stdin-filename FILE -` with the file on standard input
  warm     `check FILE` with the cache a cached `check .` left (--warm)
  hook     `check --force-exclude F1 F2 ...` (the pre-commit hook, which names
           the changed files; K files of one project)
  reversed `check FN ... F1` (the same files in reverse order)
  root-file `check FILE` from CORPUS_ROOT against `check .` there (with no
           project marker the working directory is the project)
  server   `asyncls serve` with the project as its workspace folder: each file
           opened, its publishDiagnostics compared (bench/oneanswer_server)

Paths are compared absolute (those of related locations too). Every
difference is printed (file, mode, findings missing and extra), with each
mode's runtime (median and total), and the run exits 1 if there is any. The
samples are sizes, so the run fits a few minutes on a shared machine; the
defaults take about two minutes on 2 busy cores for /work/corpus/src.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def finding_key(d):
    return json.dumps(d, sort_keys=True, ensure_ascii=False)


class Runner:
    def __init__(self, exe, timeout):
        self.exe = exe
        self.timeout = timeout
        self.times = {}  # mode -> [seconds]
        self.last = 0.0  # seconds of the last run
        self.problems = []  # (mode, what)

    def check(self, mode, args, cwd, stdin=None, env=None):
        """Runs `asyncls check --output-format json ARGS` in cwd; returns the
        findings with absolute paths, or None when the run failed."""
        start = time.monotonic()
        try:
            r = subprocess.run([self.exe, "check", "--output-format", "json", *args], cwd=cwd,
                               input=stdin, capture_output=True, env=env, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.problems.append((mode, f"{cwd}: {args}: over {self.timeout:.0f} s"))
            return None
        self.last = time.monotonic() - start
        self.times.setdefault(mode, []).append(self.last)
        if r.returncode not in (0, 1):
            self.problems.append((mode, f"{cwd}: {args}: exit {r.returncode}: {r.stderr.decode(errors='replace')[:300]}"))
            return None
        found = json.loads(r.stdout) if r.stdout.strip() else []
        for d in found:
            d["path"] = os.path.normpath(os.path.join(cwd, d["path"]))
            for r in d.get("related", []):
                if "path" in r:
                    r["path"] = os.path.normpath(os.path.join(cwd, r["path"]))
        return found


def by_path(findings):
    out = {}
    for d in findings:
        out.setdefault(d["path"], []).append(finding_key(d))
    for v in out.values():
        v.sort()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root")
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "bin", "asyncls"))
    ap.add_argument("--with-findings", type=int, default=40, help="files with findings per rule set (0: all)")
    ap.add_argument("--without", type=int, default=20, help="files without findings per rule set")
    ap.add_argument("--groups", type=int, default=6, help="multi-file runs (hook and reversed order) per rule set")
    ap.add_argument("--group-size", type=int, default=4)
    ap.add_argument("--server", type=int, default=6, help="projects whose sampled files the server opens (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--selects", default="default,ALL")
    ap.add_argument("--projects", default="", help="comma-separated project directories (default: all)")
    ap.add_argument("--from-root", type=int, default=10, help="files with findings named from CORPUS_ROOT, against `check .` there")
    ap.add_argument("--warm", action="store_true", help="also `check FILE` with a warm cache")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--out", help="write the differences and timings as JSON")
    a = ap.parse_args()

    exe = os.path.abspath(a.bin)
    root = os.path.abspath(a.root)
    projects = sorted(p for p in os.listdir(root) if os.path.isdir(os.path.join(root, p)) and not p.startswith("."))
    if a.projects:
        projects = [p for p in projects if p in a.projects.split(",")]
    server_bin = None
    if a.server:
        server_bin = os.path.join(tempfile.mkdtemp(prefix="oneanswer-"), "oneanswer_server")
        subprocess.run(["go", "build", "-o", server_bin, "./bench/oneanswer_server"], cwd=os.path.join(HERE, ".."), check=True)

    run = Runner(exe, a.timeout)
    rng = random.Random(a.seed)
    diffs = []
    compared = {}  # mode -> files compared
    cache_root = tempfile.mkdtemp(prefix="oneanswer-cache-")

    def compare(mode, sel, files, got, want):
        for f in files:
            compared[mode] = compared.get(mode, 0) + 1
            g, w = got.get(f, []), want.get(f, [])
            if g != w:
                missing = [json.loads(x) for x in w if x not in g]
                extra = [json.loads(x) for x in g if x not in w]
                diffs.append({"mode": mode, "select": sel, "file": f, "missing": missing, "extra": extra})
                print(f"DIFFERENT {mode} [{sel}] {os.path.relpath(f, root)}: {len(missing)} missing, {len(extra)} extra")
                for d in missing[:5]:
                    print(f"   - {d['line']}:{d['column']} {d['code']} {d['message'][:140]}")
                for d in extra[:5]:
                    print(f"   + {d['line']}:{d['column']} {d['code']} {d['message'][:140]}")

    start_all = time.monotonic()
    ratios = []  # `check FILE` time / `check .` time of its project
    for sel in a.selects.split(","):
        flags = ["--no-cache"] + (["--select", sel] if sel != "default" else [])
        want = {}        # abs path -> sorted keys, every project
        with_f, without = [], []
        by_project = {}  # abs path -> project dir
        whole_time = {}  # project dir -> seconds of its `check .`
        nfind = 0
        for proj in projects:
            d = os.path.join(root, proj)
            whole = run.check("whole", flags + ["."], d)
            if whole is None:
                continue
            whole_time[d] = run.last
            nfind += len(whole)
            w = by_path(whole)
            want.update(w)
            r = subprocess.run([exe, "check", "--show-files", "."], cwd=d, capture_output=True, text=True)
            for f in r.stdout.split("\n"):
                if f.strip():
                    p = os.path.normpath(os.path.join(d, f))
                    by_project[p] = d
                    (with_f if p in w else without).append(p)
        with_f.sort()
        without.sort()
        print(f"[{sel}] {len(projects)} projects, {len(by_project)} files, {nfind} findings in {len(with_f)} files")
        sample = with_f if a.with_findings == 0 else rng.sample(with_f, min(a.with_findings, len(with_f)))
        sample += rng.sample(without, min(a.without, len(without)))
        sample.sort()

        for f in sample:
            d = by_project[f]
            rel = os.path.relpath(f, d)
            got = run.check("file", flags + [rel], d)
            if got is not None:
                ratios.append(run.last / max(whole_time[d], 1e-3))
                compare("file", sel, [f], by_path(got), want)
                others = sorted(set(x["path"] for x in got) - {f})
                if others:
                    diffs.append({"mode": "file", "select": sel, "file": f, "reported_on_others": others})
                    print(f"DIFFERENT file [{sel}] {rel}: findings on files not named: {others[:3]}")
            with open(f, "rb") as fh:
                src = fh.read()
            got = run.check("stdin", flags + ["--stdin-filename", rel, "-"], d, stdin=src)
            if got is not None:
                compare("stdin", sel, [f], by_path(got), want)

        if a.warm:
            cflags = [x for x in flags if x != "--no-cache"]
            env = dict(os.environ, ASYNCLS_CACHE_DIR=os.path.join(cache_root, sel))
            for proj in sorted(set(by_project[f] for f in sample)):
                run.check("warm-fill", cflags + ["."], proj, env=env)
            for f in sample:
                d = by_project[f]
                got = run.check("warm", cflags + [os.path.relpath(f, d)], d, env=env)
                if got is not None:
                    compare("warm", sel, [f], by_path(got), want)

        pool = {}
        for f in sorted(set(with_f) | set(sample)):
            pool.setdefault(by_project[f], []).append(f)
        several = sorted(p for p in pool if len(pool[p]) > 1)
        for _ in range(a.groups if several else 0):
            proj = rng.choice(several)
            group = rng.sample(pool[proj], min(a.group_size, len(pool[proj])))
            rels = [os.path.relpath(f, proj) for f in group]
            got = run.check("hook", flags + ["--force-exclude"] + rels, proj)
            if got is not None:
                compare("hook", sel, group, by_path(got), want)
            got = run.check("reversed", flags + rels[::-1], proj)
            if got is not None:
                compare("reversed", sel, group, by_path(got), want)

        if a.from_root:
            # CORPUS_ROOT has no project marker: run there, the working
            # directory is one project of every package, and naming files
            # from there must give what `check .` there gives.
            whole = run.check("root", flags + ["."], root)
            if whole is not None:
                w = by_path(whole)
                files = rng.sample(sorted(w), min(a.from_root, len(w)))
                # The files whose findings differ from their project's.
                files += [f for f in sorted(w) if w[f] != want.get(f, []) and f not in files]
                for f in files:
                    got = run.check("root-file", flags + [os.path.relpath(f, root)], root)
                    if got is not None:
                        compare("root-file", sel, [f], by_path(got), w)
                print(f"[{sel}] check . from the corpus root: {len(whole)} findings, "
                      f"{sum(w[f] != want.get(f, []) for f in w)} files whose findings differ from their project's check .")

        if server_bin:
            per_project = {}
            for f in sample:
                per_project.setdefault(by_project[f], []).append(f)
            chosen = sorted(per_project)
            rng.shuffle(chosen)
            for proj in sorted(chosen[: a.server]):
                files = per_project[proj]
                want_file = os.path.join(cache_root, "want.json")
                with open(want_file, "w") as fh:
                    json.dump({f: [json.loads(x) for x in want.get(f, [])] for f in files}, fh)
                start = time.monotonic()
                r = subprocess.run([server_bin, "-bin", exe, "-folder", proj, "-want", want_file,
                                    "-select", "" if sel == "default" else sel, *files],
                                   capture_output=True, text=True, timeout=a.timeout)
                run.times.setdefault("server", []).append((time.monotonic() - start) / max(1, len(files)))
                if r.returncode not in (0, 1):
                    run.problems.append(("server", f"{proj}: exit {r.returncode}: {r.stderr[:300]}"))
                    continue
                for line in r.stdout.splitlines():
                    res = json.loads(line)
                    compared["server"] = compared.get("server", 0) + 1
                    if res["missing"] or res["extra"]:
                        res.update(mode="server", select=sel)
                        diffs.append(res)
                        print(f"DIFFERENT server [{sel}] {os.path.relpath(res['file'], root)}: "
                              f"{len(res['missing'])} missing, {len(res['extra'])} extra")
                        for x in res["missing"][:5]:
                            print("   - " + x)
                        for x in res["extra"][:5]:
                            print("   + " + x)

    shutil.rmtree(cache_root, ignore_errors=True)
    if server_bin:
        shutil.rmtree(os.path.dirname(server_bin), ignore_errors=True)
    print()
    print(f"{'mode':10} {'files':>6} {'runs':>5} {'median s':>9} {'total s':>8}")
    for mode in ["whole", "file", "stdin", "warm-fill", "warm", "hook", "reversed", "root", "root-file", "server"]:
        t = run.times.get(mode)
        if t:
            unit = " (per file)" if mode == "server" else ""
            print(f"{mode:10} {compared.get(mode, 0):6} {len(t):5} {statistics.median(t):9.2f} {sum(t):8.1f}{unit}")
    if ratios:
        q = statistics.quantiles(ratios, n=10) if len(ratios) > 1 else ratios * 9
        print(f"check FILE / check . of its project, time: median {statistics.median(ratios):.2f}, p90 {q[8]:.2f}, max {max(ratios):.2f}")
    for mode, what in run.problems:
        print(f"PROBLEM {mode}: {what}")
    print(f"{len(diffs)} differences, {len(run.problems)} problems, {time.monotonic() - start_all:.0f} s")
    if a.out:
        with open(a.out, "w") as fh:
            json.dump({"differences": diffs, "problems": run.problems, "compared": compared,
                       "times": run.times}, fh, indent=1)
    sys.exit(1 if diffs or run.problems else 0)


if __name__ == "__main__":
    main()
