"""Record the ground truth of the loopsim programs: time them with python3 and
rewrite testdata/loopsim/groundtruth.json (the file TestGroundTruth compares
the simulator with). scripts/measure-loopsim.sh runs this; CI never does.

Usage: python3 record.py [--rounds N] [--measurements FILE.jsonl] [PROGRAM...]

With no PROGRAM, every program of testdata/loopsim/*.py,
testdata/loopsim/machine_dependent/*.py and testdata/loopsim-projects/*/main.py
is timed and entries of programs that no longer exist are dropped; with PROGRAMs, only their entries are
(re)written and the rest of the file is kept. Each time is the minimum over
N rounds (default 5) of asyncio.run(main()) timed inside the process
(measure.py); every round times every program once, so a burst of load from
other processes spoils one round of a program, not all of its runs (noise
only ever adds time). --measurements reads JSON lines measure.py printed
(any number per program; the minimum counts) instead of timing again: the
machine described is still this one, so use it only for lines measured here.

The programs of several modules (testdata/loopsim-projects/NAME/main.py,
run with their directory on sys.path as `python3 main.py` runs them) are
recorded in testdata/loopsim-projects/groundtruth.json, in the same format,
keyed by their path under testdata/loopsim-projects.

A program's marks ("tolerance" and "why", for programs whose real time
depends on the machine) are kept when it is re-measured; add them by hand.
"""
import datetime
import json
import os
import platform
import subprocess
import sys

HARNESS = os.path.dirname(os.path.abspath(__file__))
PROGRAMS_DIR = os.path.dirname(HARNESS)
PROJECTS_DIR = os.path.join(os.path.dirname(PROGRAMS_DIR), "loopsim-projects")
ROOTS = (PROGRAMS_DIR, PROJECTS_DIR)


def all_programs():
    out = []
    for sub in ("", "machine_dependent"):
        d = os.path.join(PROGRAMS_DIR, sub)
        out += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".py")]
    for name in sorted(os.listdir(PROJECTS_DIR)):
        main = os.path.join(PROJECTS_DIR, name, "main.py")
        if os.path.isfile(main):
            out.append(main)
    return out


def root_of(path):
    """The directory whose groundtruth.json records the program."""
    rel = os.path.relpath(os.path.abspath(path), PROJECTS_DIR)
    if not rel.startswith(".."):
        return PROJECTS_DIR
    return PROGRAMS_DIR


def key_of(path):
    """The program's name in its truth file: its path under testdata/loopsim
    (or testdata/loopsim-projects)."""
    rel = os.path.relpath(os.path.abspath(path), root_of(path))
    if rel.startswith("..") or os.sep + "harness" + os.sep in os.sep + rel:
        sys.exit("record.py: %s is not a program under testdata/loopsim or testdata/loopsim-projects" % path)
    return rel.replace(os.sep, "/")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def this_machine(rounds):
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": "%s, %d CPUs" % (cpu_model(), os.cpu_count() or 0),
        "python": "%s %s" % (platform.python_implementation(), platform.python_version()),
        "os": platform.platform(),
        "rounds": rounds,
        "load_average_at_start": round(load, 2),
    }


def measure(paths, rounds):
    rows = []
    for r in range(rounds):
        print("round %d of %d" % (r + 1, rounds), file=sys.stderr)
        cmd = [sys.executable, os.path.join(HARNESS, "measure.py"), "--repeat", "1"] + paths
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        rows += [json.loads(line) for line in out.splitlines() if line.strip()]
    return rows


def fastest(rows):
    """The minimum time per program (a failed run, -1, counts only alone)."""
    best = {}
    for r in rows:
        key = (root_of(r["path"]), key_of(r["path"]))
        old = best.get(key)
        if old is None or (r["seconds"] >= 0 and (old["seconds"] < 0 or r["seconds"] < old["seconds"])):
            best[key] = r
    return best


def truth_file(root):
    return os.path.join(root, "groundtruth.json")


def load_truth(root):
    if not os.path.exists(truth_file(root)):
        return {"recordings": {}, "programs": {}}
    with open(truth_file(root)) as f:
        return json.load(f)


def write_truth(root, truth):
    # One program per line, so a re-measurement shows as a readable diff.
    used = {p["recording"] for p in truth["programs"].values()}
    recs = {k: v for k, v in sorted(truth["recordings"].items()) if k in used}
    lines = ["{", '  "recordings": {']
    lines.append(",\n".join("    %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in recs.items()))
    lines.append("  },")
    lines.append('  "programs": {')
    progs = sorted(truth["programs"].items(), key=lambda kv: natural_key(kv[0]))
    lines.append(",\n".join("    %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in progs))
    lines.append("  }")
    lines.append("}")
    path = truth_file(root)
    with open(path + ".tmp", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".tmp", path)


def natural_key(name):
    head, _, rest = name.partition("_")
    return (name.count("/"), int(head) if head.isdigit() else 1 << 30, name)


def main():
    args = sys.argv[1:]
    repeat, from_file = 5, None
    while args[:1] and args[0].startswith("--"):
        if args[0] == "--rounds":
            repeat, args = int(args[1]), args[2:]
        elif args[0] == "--measurements":
            from_file, args = args[1], args[2:]
        else:
            sys.exit(__doc__)
    everything = not args
    paths = all_programs() if everything else args
    truths = {root: load_truth(root) for root in ROOTS}
    machine = this_machine(repeat)
    if from_file:
        del machine["load_average_at_start"]  # the load when it was timed is not known here
    rec_id = machine["date"][:16] + " " + machine["cpu"].split(",")[0]
    if from_file:
        with open(from_file) as f:
            rows = [json.loads(line) for line in f if line.strip()]
    else:
        known = sum(max(truths[root_of(p)]["programs"].get(key_of(p), {}).get("seconds", 0.5), 0) for p in paths)
        print("timing %d programs, %d rounds (about %d s)..." % (len(paths), repeat, known * repeat + 1),
              file=sys.stderr)
        rows = measure(paths, repeat)
    measured = fastest(rows)
    failed = []
    for root in ROOTS:
        wanted = {key_of(p) for p in paths if root_of(p) == root}
        if not wanted and not everything:
            continue
        truth = truths[root]
        truth["recordings"][rec_id] = machine
        if everything:
            truth["programs"] = {k: v for k, v in truth["programs"].items() if k in wanted}
        for key in sorted(wanted):
            r = measured.get((root, key))
            if r is None:
                sys.exit("record.py: no measurement for %s" % key)
            entry = dict(truth["programs"].get(key, {}))
            entry.update({"seconds": round(r["seconds"], 5), "outcome": r["outcome"], "recording": rec_id})
            truth["programs"][key] = entry
            if r["seconds"] < 0:
                failed.append("%s: %s" % (key, r["outcome"]))
        write_truth(root, truth)
        print("wrote %s (%d programs measured)" % (os.path.relpath(truth_file(root)), len(wanted)), file=sys.stderr)
    if failed:
        sys.exit("python could not run:\n  " + "\n  ".join(failed))


if __name__ == "__main__":
    main()
