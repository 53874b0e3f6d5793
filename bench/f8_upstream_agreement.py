#!/usr/bin/env python3
"""Agreement of asyncls with flake8-async's own test expectations, read from
upstream's eval files as upstream's asyncio run sees them.

    python3 bench/f8_upstream_agreement.py [BINARY] [--upstream DIR] [--out FILE] [-v]

BINARY defaults to bin/asyncls, DIR to /work/f8upstream. The eval files are
NOT in this repository (their code stays out of it): fetch them by hand from
https://github.com/python-trio/flake8-async, directory tests/eval_files/
(MIT licensed), one file per code asyncls shares (`asyncls rules`), into DIR
under their own names, and record in DIR/COMMITS.txt the commit each came
from. Files of codes asyncls does not implement are not needed.

What upstream's tests/test_flake8_async.py does for the asyncio library, and
this script does the same way:

- Markers (`# NOASYNCIO`, `# ASYNCIO_NO_ERROR`, `# BASE_LIBRARY x`, ...) are
  found anywhere in the file. `# NOASYNCIO`: the file is only run to check
  that nothing crashes, it has no expectation for asyncio: skipped here.
- Unless `# BASE_LIBRARY asyncio`, every occurrence of the base library's
  name (default `trio`) not preceded by `-` is replaced by `asyncio`, in code
  and comments alike (so `trio.open_nursery()` becomes
  `asyncio.open_nursery()`, and `ASYNC103_trio:` becomes `ASYNC103_asyncio:`).
- The enabled codes are the file name's first part upper-cased (`async22x` ->
  `ASYNC22X`, enabled only when it is a real code), replaced by any
  `# ARG --enable=CODES` (codes or prefixes).
- Expected findings: on each line not starting with `#`, each
  `error: COL, ...` (the file's code) or `ASYNCxxx[_suffix]: COL, ...`
  (that code; the suffix only selects the message). `# ASYNCIO_NO_ERROR`
  empties the list: every line must be quiet.
- Other `# ARG` options become asyncls's settings of the same meaning in a
  pyproject.toml beside the file (`--async200-blocking-calls`:
  `blocking-calls`; `--startable-in-context-manager`,
  `--transform-async-generator-decorators`,
  `--exception-suppress-context-managers`: same name;
  `--no-checkpoint-warning-decorator`: `no-checkpoint-warning-decorators`);
  options asyncls has no setting for are listed in the output.

For each file and each enabled code asyncls implements, the script runs
`BINARY check --no-cache --select CODE --format json` on the substituted
file, and compares by line: agree (expected and reported), missed (expected,
not reported), extra (reported, not expected). Several expectations of the
same code on one line count once. A disagreement listed in DELIBERATE below
(with the rule Note or testdata `# differs:`/`# extra:` that documents it)
counts as deliberate instead.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

MARKERS = ("NOANYIO", "NOTRIO", "NOASYNCIO", "ANYIO_NO_ERROR", "TRIO_NO_ERROR",
           "ASYNCIO_NO_ERROR", "BASE_LIBRARY")

# (file, line, code) -> where the difference is documented (line None: every
# disagreement of that code in the file, each checked to fall under it).
# Lines are those of the upstream file at the commit recorded in COMMITS.txt.
_SYNC_103 = "ASYNC103/104 Notes: only try statements of coroutines whose body awaits (module level, sync functions)"
DELIBERATE = {
    ("async103.py", None, "ASYNC103"): _SYNC_103,
    ("async103.py", None, "ASYNC104"): _SYNC_103,
    ("async104.py", None, "ASYNC103"): _SYNC_103,
    ("async104.py", None, "ASYNC104"): _SYNC_103,
    ("async103_104_py310.py", None, "ASYNC103"): _SYNC_103,
    ("async103_104_py310.py", None, "ASYNC104"): _SYNC_103,
    ("async103_104_py311.py", None, "ASYNC103"): _SYNC_103,
    ("async103_104_py311.py", None, "ASYNC104"): _SYNC_103,
    ("async103_no_104.py", None, "ASYNC103"): _SYNC_103,
    ("async104_anyio.py", None, "ASYNC104"): _SYNC_103,
    ("async100_asyncio_noautofix.py", 16, "ASYNC100"): "ASYNC100 Notes: entering asyncio.timeout_at never suspends",
    ("async101_asyncio.py", 70, "ASYNC101"): "ASYNC101 Notes: decorators resolved through imports (blahabla is contextmanager)",
    ("async110.py", None, "ASYNC110"): "ASYNC110 Notes / testdata extra: asyncio.sleep busy-waits too (upstream: not yet supported)",
    ("async113_anyio.py", 21, "ASYNC113"): "ASYNC113 Notes: anyio.run_process is not startable (upstream: a false alarm)",
    ("async124.py", 35, "ASYNC124"): "ASYNC124 Notes / testdata differs: an async generator is how an async iterator is written",
    ("async124_no_autofix.py", 8, "ASYNC124"): "ASYNC124 Notes: decorated functions are skipped",
    ("async124_py311.py", 17, "ASYNC124"): "stale upstream file: a yield in except* of an @asynccontextmanager is not ASYNC124's meaning",
    ("exception_suppress_context_manager.py", 104, "ASYNC910"): "ASYNC910 Notes: a module-level name bound twice is not followed",
    ("exception_suppress_context_manager.py", 135, "ASYNC910"): "ASYNC910 Notes: a module-level name bound twice is not followed",
    ("exception_suppress_context_manager.py", 145, "ASYNC910"): "ASYNC910 Notes: a module-level name bound twice is not followed (upstream: shouldn't give an error)",
    ("exception_suppress_context_manager.py", 121, "ASYNC911"): "ASYNC910 Notes: a module-level name bound twice is not followed",
    ("exception_suppress_context_manager.py", 157, "ASYNC910"): "ASYNC910 Notes: aliases of contextlib.suppress are followed (upstream: should give an error)",
    **{("async126.py", ln, "ASYNC126"): "ASYNC126 Notes: reported on the class line, flake8-async on the split header's "
       "last line (a noqa on either works)" for ln in (15, 17, 24, 26, 33, 35)},
    ("async128.py", 80, "ASYNC128"): "ASYNC128 Notes / testdata differs: handing task_status on counts",
    ("async200.py", 60, "ASYNC200"): "ASYNC200 Notes / testdata differs: a value awaited through a conditional expression",
    ("async210.py", 39, "ASYNC210"): "testdata differs: `request` is bound nowhere, a NameError",
    ("async210.py", 40, "ASYNC210"): "testdata differs: `urlopen` is bound nowhere, a NameError",
    ("async211.py", None, "ASYNC211"): "ASYNC211/212 Notes: a pool whose type is known is reported whatever the arguments",
    ("async212.py", 37, "ASYNC212"): "ASYNC212 Notes: `Optional` is bound nowhere",
    ("async212.py", 49, "ASYNC212"): "ASYNC212 Notes: a module-level name given two types",
    **{("async212.py", ln, "ASYNC212"): "ASYNC212 Notes: urllib3 pools are reported once, as ASYNC211 (request methods only)"
       for ln in range(75, 94, 2)},
    ("async212.py", 69, "ASYNC212"): "ASYNC212 Notes: `from httpx import Client` is followed (upstream: not implemented)",
    ("async232_asyncio.py", 17, "ASYNC232"): "ASYNC232 Notes / testdata differs: only methods that do I/O",
    ("async232_asyncio.py", 18, "ASYNC232"): "ASYNC232 Notes / testdata differs: only methods that do I/O",
    ("async232_asyncio.py", 191, "ASYNC232"): "ASYNC232 Notes: a name annotated with two types",
    ("async232_asyncio.py", 195, "ASYNC232"): "ASYNC232 Notes: a name annotated with two types",
    ("async232_asyncio.py", 205, "ASYNC232"): "ASYNC232 Notes: rebound to something unknown (upstream: known false alarm)",
    ("async232_asyncio.py", 207, "ASYNC232"): "ASYNC232 Notes: rebound to something unknown (upstream: known false alarm)",
    ("async232_asyncio.py", 71, "ASYNC232"): "ASYNC232 Notes: a union naming None twice (upstream: not handled)",
    ("async232_asyncio.py", 103, "ASYNC232"): "ASYNC232 Notes: element types of annotated collections (upstream: not handled)",
    ("async232_asyncio.py", 213, "ASYNC232"): "ASYNC232 Notes: tuple assignments (upstream: should error)",
    ("async232_asyncio.py", 214, "ASYNC232"): "ASYNC232 Notes: tuple assignments (upstream: should error)",
    ("async232_asyncio.py", 248, "ASYNC232"): "ASYNC232 Notes: attributes (upstream: should error)",
    ("async232_asyncio.py", 256, "ASYNC232"): "ASYNC232 Notes: attributes (upstream: should error)",
    ("async232_asyncio.py", 265, "ASYNC232"): "ASYNC232 Notes: return annotations (upstream: should error)",
    ("async251.py", 11, "ASYNC251"): "ASYNC251 Notes: `from time import sleep` is followed (upstream: not handled)",
    ("async300.py", 60, "ASYNC300"): "ASYNC300 Notes: a task is no context manager",
    ("async300.py", 66, "ASYNC300"): "ASYNC300 Notes: a function-local import is resolved",
    ("async300.py", 70, "ASYNC300"): "ASYNC300 Notes: an alias of create_task is resolved",
}


def markers(content):
    found = {m: False for m in MARKERS}
    found["BASE_LIBRARY"] = "trio"
    for m in re.findall(r"# (%s)" % "|".join(MARKERS), content):
        if m == "BASE_LIBRARY":
            found["BASE_LIBRARY"] = re.search(r"# BASE_LIBRARY (\w*)", content).group(1)
        else:
            found[m] = True
    return found


def parse(stem, content):
    """Expected (line, code) pairs, enabled code patterns, other ARG options."""
    test = stem.upper().split("_")[0]
    enabled = test if re.fullmatch(r"ASYNC\d\d\d", test) else ""
    args = []
    expected = set()
    for lineno, line in enumerate(content.split("\n"), start=1):
        line = line.replace("\\n", "\n").strip()
        m = re.search(r"(?<=ARG ).*", line)
        if m:
            arg = m.group().strip()
            e = re.match(r"--enable=(.*)", arg)
            if e:
                enabled = e.group(1)
            else:
                args.append(arg)
        if not line or line[0] == "#":
            continue
        # Only the comments: a docstring line such as `ASYNC103: no-reraise-cancelled`
        # is no expectation (upstream's parser reads the whole line).
        comment = line[line.index("#"):] if "#" in line else ""
        for code, _alt, _rest in re.findall(r"(error|ASYNC...)(_.*)?:([^#]*)(?=#|$)", comment):
            expected.add((lineno, test if code == "error" else code))
    return expected, [c for c in enabled.split(",") if c], args


def settings(args):
    """pyproject.toml text for the ARG options asyncls has a setting for."""
    lines, unsupported = ["[tool.asyncls]"], []
    for arg in args:
        name, _, value = arg.partition("=")
        items = [v.strip() for v in value.split(",") if v.strip()]
        if name == "--async200-blocking-calls":
            items = [" -> ".join(p.strip() for p in v.split("->")) for v in items]
            lines.append("blocking-calls = %s" % json.dumps(items))
        elif name in ("--startable-in-context-manager", "--transform-async-generator-decorators",
                      "--exception-suppress-context-managers"):
            lines.append("%s = %s" % (name[2:], json.dumps(items)))
        elif name == "--no-checkpoint-warning-decorator":
            lines.append("no-checkpoint-warning-decorators = %s" % json.dumps(items))
        else:
            unsupported.append(arg)
    return "\n".join(lines) + "\n", unsupported


def shared_codes(binary):
    out = subprocess.run([binary, "rules"], capture_output=True, text=True, check=True).stdout
    return sorted({m for m in re.findall(r"^(ASYNC\d\d\d)\s", out, re.M)})


def run(binary, path, code, dropped):
    """Lines where binary reports code in path. A setting the binary does not
    know (an older asyncls) is dropped from the pyproject.toml beside the file
    and named in dropped."""
    while True:
        p = subprocess.run([binary, "check", "--no-cache", "--select", code, "--format", "json", path],
                           capture_output=True, text=True, cwd=os.path.dirname(path))
        m = re.search(r'unknown key "([^"]+)"', p.stderr)
        if p.returncode == 2 and m:
            cfg = os.path.join(os.path.dirname(path), "pyproject.toml")
            lines = open(cfg).read().split("\n")
            with open(cfg, "w") as fh:
                fh.write("\n".join(l for l in lines if not l.startswith(m.group(1) + " ")))
            dropped.add(m.group(1))
            continue
        if p.returncode not in (0, 1):
            raise SystemExit("%s on %s: exit %d\n%s" % (binary, path, p.returncode, p.stderr))
        return {d["line"] for d in json.loads(p.stdout or "[]") if d["code"] == code}


def main():
    argv = sys.argv[1:]
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    upstream, out = "/work/f8upstream", None
    if "--upstream" in argv:
        i = argv.index("--upstream")
        upstream = argv[i + 1]
        del argv[i:i + 2]
    if "--out" in argv:
        i = argv.index("--out")
        out = argv[i + 1]
        del argv[i:i + 2]
    binary = os.path.abspath(argv[0] if argv else "bin/asyncls")
    codes = shared_codes(binary)
    commits = {}
    cpath = os.path.join(upstream, "COMMITS.txt")
    if os.path.exists(cpath):
        for line in open(cpath):
            f = line.split()
            if len(f) == 2 and not line.startswith("#"):
                commits[f[0]] = f[1]

    tally = defaultdict(lambda: defaultdict(int))
    report, skipped, options = [], [], []
    tmp = tempfile.mkdtemp(prefix="f8agree")
    try:
        for name in sorted(os.listdir(upstream)):
            if not name.endswith(".py"):
                continue
            content = open(os.path.join(upstream, name)).read()
            mk = markers(content)
            if mk["NOASYNCIO"]:
                skipped.append(name + " (NOASYNCIO)")
                continue
            if mk["BASE_LIBRARY"] != "asyncio":
                content = re.sub(r"(?<!-)%s" % mk["BASE_LIBRARY"], "asyncio", content)
            expected, enabled, args = parse(name[:-3], content)
            if mk["ASYNCIO_NO_ERROR"]:
                expected = set()
            checked = [c for c in codes if any(c.startswith(p) for p in enabled)]
            if not checked:
                skipped.append(name + " (no shared code enabled: %s)" % ",".join(enabled))
                continue
            cfg, unsupported = settings(args)
            d = os.path.join(tmp, name[:-3])
            os.makedirs(d)
            with open(os.path.join(d, "pyproject.toml"), "w") as fh:
                fh.write(cfg)
            path = os.path.join(d, name)
            with open(path, "w") as fh:
                fh.write(content)
            src = content.split("\n")
            dropped = set()
            for code in checked:
                want = {ln for ln, c in expected if c == code}
                got = run(binary, path, code, dropped)
                t = tally[code]
                t["agree"] += len(want & got)
                for kind, lines in (("missed", want - got), ("extra", got - want)):
                    for ln in sorted(lines):
                        why = DELIBERATE.get((name, ln, code)) or DELIBERATE.get((name, None, code))
                        if why:
                            t["deliberate " + kind] += 1
                        else:
                            t[kind] += 1
                        report.append("%-8s %s %s:%d%s  %s" % (
                            kind, code, name, ln, " [deliberate: %s]" % why if why else "",
                            src[ln - 1].strip()[:100]))
            unsupported += ["%s (setting unknown to this binary)" % k for k in sorted(dropped)]
            if unsupported:
                options.append("%s: %s" % (name, "; ".join(unsupported)))
    finally:
        shutil.rmtree(tmp)

    lines = ["flake8-async upstream agreement (asyncio run), binary %s" % binary,
             "upstream files: %s (%d with a commit in COMMITS.txt)" % (upstream, len(commits)), ""]
    hdr = "%-9s %6s %6s %6s %10s %10s" % ("code", "agree", "missed", "extra", "delib.miss", "delib.extra")
    lines += [hdr]
    total = defaultdict(int)
    for code in sorted(tally):
        t = tally[code]
        lines.append("%-9s %6d %6d %6d %10d %10d" % (code, t["agree"], t["missed"], t["extra"],
                                                     t["deliberate missed"], t["deliberate extra"]))
        for k, v in t.items():
            total[k] += v
    lines.append("%-9s %6d %6d %6d %10d %10d" % ("total", total["agree"], total["missed"], total["extra"],
                                                 total["deliberate missed"], total["deliberate extra"]))
    lines += ["", "disagreements (missed: upstream expects, asyncls silent; extra: the reverse):"]
    lines += ["  " + r for r in report]
    lines += ["", "ARG options with no asyncls setting (their cases run without them):"]
    lines += ["  " + o for o in options]
    lines += ["", "skipped:"] + ["  " + s for s in skipped]
    text = "\n".join(lines) + "\n"
    if out:
        with open(out, "w") as fh:
            fh.write(text)
    if verbose or not out:
        sys.stdout.write(text)
    else:
        sys.stdout.write("\n".join(lines[:lines.index("") + 1 + len(tally) + 2]) + "\n")


if __name__ == "__main__":
    main()
