#!/usr/bin/env python3
"""Agreement of asyncls with flake8-async's own test expectations, read from
upstream's eval files as upstream's asyncio run sees them.

    python3 bench/f8_upstream_agreement.py [BINARY] [--upstream DIR] [--out FILE] [-v]

BINARY defaults to bin/asyncls, DIR to $F8_UPSTREAM or else /work/f8upstream
(54 files re-fetched in the twenty-first session, newer than the 60 of the
first runs; DELIBERATE below is keyed to them; 53 of the same versions
re-fetched in the twenty-fifth session, their names and commits in
bench/f8_upstream_commits.txt, so another machine can fetch them again). The eval files are NOT in
this repository (their code stays out of it): fetch them by hand from
https://github.com/python-trio/flake8-async, directory tests/eval_files/
(MIT licensed), one file per code asyncls shares (`asyncls rules`), into DIR
under their own names, and record in DIR/COMMITS.txt the commit each came
from. Files of codes asyncls does not implement are not needed. With no
eval file in DIR the script says so and exits 0 having measured nothing (it
is not part of CI, which has no copy of the files); with no binary it exits 2.

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
(with the rule Note and testdata `# differs:`/`# extra:` that document it)
counts as deliberate instead, provided the entry's text is on that line of
the file; entries that excuse nothing are listed at the end (a file of
another version moves its lines: re-key the table to it).
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

# (file, line, code) -> (text, reason): where the difference is documented
# (the rule's Notes, and the testdata `# differs:`/`# extra:` case that shows
# it). Lines are those of the upstream files recorded in /work/f8upstream's
# COMMITS.txt (re-fetched in the twenty-first session); `text` must occur on
# that line of the file (after the library substitution), so an entry whose
# line drifted to another case in a different version of the file is reported
# as stale instead of excusing the wrong line. Line None: every disagreement
# of that code in the file (text None).
DEFAULT_UPSTREAM = "/work/f8upstream"
_SYNC_103 = "ASYNC103/104 Notes: only try statements of coroutines whose body awaits (module level, sync functions)"
_SPLIT_100 = ("ASYNC100 Notes / testdata rules/ASYNC100/split_header.py: a split timeout header is reported where "
              "the call starts; this file's comment sits on the header's last line, where black moved it")
_MOO_113 = ("ASYNC113 Notes / testdata extra: the receiver of start_soon needs no known type "
            "(upstream: `self.moo` not tracked)")
_POOL_212 = "ASYNC212 Notes: urllib3 pools are reported once, as ASYNC211 (request methods only)"
_BOUND_TWICE_910 = "ASYNC910 Notes: a module-level name bound twice is not followed"


def _file_wide(reason):
    return (None, reason)


DELIBERATE = {
    ("async103.py", None, "ASYNC103"): _file_wide(_SYNC_103),
    ("async103.py", None, "ASYNC104"): _file_wide(_SYNC_103),
    ("async104.py", None, "ASYNC103"): _file_wide(_SYNC_103),
    ("async104.py", None, "ASYNC104"): _file_wide(_SYNC_103),
    ("async103_104_py310.py", None, "ASYNC103"): _file_wide(_SYNC_103),
    ("async103_104_py310.py", None, "ASYNC104"): _file_wide(_SYNC_103),
    ("async103_104_py311.py", None, "ASYNC103"): _file_wide(_SYNC_103),
    ("async103_104_py311.py", None, "ASYNC104"): _file_wide(_SYNC_103),
    ("async103_no_104.py", None, "ASYNC103"): _file_wide(_SYNC_103),
    ("async104_anyio.py", None, "ASYNC104"): _file_wide(_SYNC_103),
    ("async110.py", None, "ASYNC110"): _file_wide(
        "ASYNC110 Notes / testdata extra: asyncio.sleep busy-waits too (upstream: not yet supported)"),
    ("async100_asyncio_noautofix.py", 16, "ASYNC100"): (
        "async with asyncio.timeout(", "ASYNC100 Notes: entering asyncio.timeout_at never suspends"),
    ("async912_asyncio.py", 25, "ASYNC100"): ("async with asyncio.timeouts.timeout(", _SPLIT_100),
    ("async912_asyncio.py", 27, "ASYNC100"): ("):  # ASYNC100", _SPLIT_100),
    ("async912_asyncio.py", 29, "ASYNC100"): ("async with asyncio.timeouts.timeout_at(", _SPLIT_100),
    ("async912_asyncio.py", 31, "ASYNC100"): ("):  # ASYNC100", _SPLIT_100),
    ("async101_asyncio.py", 70, "ASYNC101"): (
        "yield 1", "ASYNC101 Notes: decorators resolved through imports (blahabla is contextmanager)"),
    ("async113.py", 29, "ASYNC113"): (
        "start_soon(asyncio.run_process)",
        "ASYNC113 Notes: asyncio.run_process, like anyio's, is not startable (upstream: a false alarm)"),
    ("async113.py", 62, "ASYNC113"): ("self.moo.start_soon(my_startable)", _MOO_113),
    ("async113.py", 77, "ASYNC113"): ("self.moo.start_soon(my_startable)", _MOO_113),
    ("async113.py", 90, "ASYNC113"): ("self.moo.start_soon(my_startable)", _MOO_113),
    ("async113_anyio.py", 21, "ASYNC113"): (
        "start_soon(anyio.run_process)",
        "ASYNC113 Notes: anyio.run_process is not startable (upstream: a false alarm)"),
    ("async124.py", 34, "ASYNC124"): (
        "async def foo_gen():",
        "ASYNC124 Notes / testdata differs: an async generator is how an async iterator is written"),
    ("async124_no_autofix.py", 8, "ASYNC124"): (
        "async def foo_fix_no_subfix():", "ASYNC124 Notes: decorated functions are skipped"),
    ("async124_py311.py", 17, "ASYNC124"): (
        "yield", "ASYNC124 Notes / testdata differs: a yield in except* is not where ASYNC124 reports "
        "(a function's definition), and decorated functions are skipped"),
    ("async128.py", 80, "ASYNC128"): (
        "async def helper(fn: Any, task_status):",
        "ASYNC128 Notes / testdata differs: handing task_status on counts"),
    ("async128.py", 85, "ASYNC128"): (
        "async def aliased(task_status):",
        "ASYNC128 Notes / testdata differs: started() on a local bound to the parameter counts (anyio's typing tests)"),
    ("async200.py", 60, "ASYNC200"): (
        "await (bar() if True else foo())",
        "ASYNC200 Notes / testdata differs: a value awaited through a conditional expression"),
    ("async210.py", 50, "ASYNC210"): (
        "request.urlopen()", "ASYNC210 Notes / testdata differs: `request` is bound nowhere, a NameError"),
    ("async210.py", 51, "ASYNC210"): (
        "urlopen()", "ASYNC210 Notes / testdata differs: `urlopen` is bound nowhere, a NameError"),
    ("async212.py", 37, "ASYNC212"): ("client.send(...)", "ASYNC212 Notes: `Optional` is bound nowhere"),
    ("async212.py", 49, "ASYNC212"): ("glob_client.send()", "ASYNC212 Notes: a module-level name given two types"),
    **{("async212.py", ln, "ASYNC212"): ("c.anything()", _POOL_212) for ln in range(104, 123, 2)},
    ("async212.py", 98, "ASYNC212"): (
        "client.send()", "ASYNC212 Notes: `from httpx import Client` is followed (upstream: not implemented)"),
    ("async232_asyncio.py", 17, "ASYNC232"): (
        "f.anything()", "ASYNC232 Notes / testdata differs: only methods that do I/O"),
    ("async232_asyncio.py", 18, "ASYNC232"): (
        "f.aoeuaoeuaoeuaoeuaoeu()", "ASYNC232 Notes / testdata differs: only methods that do I/O"),
    ("async232_asyncio.py", 191, "ASYNC232"): ("f.read()", "ASYNC232 Notes: a name annotated with two types"),
    ("async232_asyncio.py", 195, "ASYNC232"): ("f.read()", "ASYNC232 Notes: a name annotated with two types"),
    ("async232_asyncio.py", 205, "ASYNC232"): (
        "f.read()", "ASYNC232 Notes: rebound to something unknown (upstream: known false alarm)"),
    ("async232_asyncio.py", 207, "ASYNC232"): (
        "f.read()", "ASYNC232 Notes: rebound to something unknown (upstream: known false alarm)"),
    ("async232_asyncio.py", 71, "ASYNC232"): (
        "f.read()", "ASYNC232 Notes: a union naming None twice (upstream: not handled)"),
    ("async232_asyncio.py", 103, "ASYNC232"): (
        "f.read()", "ASYNC232 Notes: element types of annotated collections (upstream: not handled)"),
    ("async232_asyncio.py", 213, "ASYNC232"): ("x.read()", "ASYNC232 Notes: tuple assignments (upstream: should error)"),
    ("async232_asyncio.py", 214, "ASYNC232"): ("y.read()", "ASYNC232 Notes: tuple assignments (upstream: should error)"),
    ("async232_asyncio.py", 248, "ASYNC232"): ("self.x.read()", "ASYNC232 Notes: attributes (upstream: should error)"),
    ("async232_asyncio.py", 256, "ASYNC232"): ("self.x.read()", "ASYNC232 Notes: attributes (upstream: should error)"),
    ("async232_asyncio.py", 265, "ASYNC232"): (
        "k.read()", "ASYNC232 Notes: return annotations (upstream: should error)"),
    ("async300.py", 67, "ASYNC300"): (
        "with asyncio.create_task(*args) as k", "ASYNC300 Notes: a task is no context manager"),
    ("async300.py", 73, "ASYNC300"): ("create_task(*args)", "ASYNC300 Notes: a function-local import is resolved"),
    ("async300.py", 77, "ASYNC300"): ("boo(*args)", "ASYNC300 Notes: an alias of create_task is resolved"),
    ("exception_suppress_context_manager.py", 104, "ASYNC910"): (
        "async def foo_suppress_directly_imported_3():", _BOUND_TWICE_910),
    ("exception_suppress_context_manager.py", 135, "ASYNC910"): (
        "async def foo_suppress_directly_imported_restored_after_scope():", _BOUND_TWICE_910),
    ("exception_suppress_context_manager.py", 145, "ASYNC910"): (
        "async def foo_suppress_directly_imported_5():", _BOUND_TWICE_910 + " (upstream: shouldn't give an error)"),
    ("exception_suppress_context_manager.py", 121, "ASYNC911"): ("yield", _BOUND_TWICE_910),
    ("exception_suppress_context_manager.py", 157, "ASYNC910"): (
        "async def foo_suppress_directly_imported_assignment():",
        "ASYNC910 Notes: aliases of contextlib.suppress are followed (upstream: should give an error)"),
}


def deliberate(name, ln, code, line_text, used, stale):
    """The documented reason for a disagreement, or None. A line-keyed entry
    whose text is not on that line is recorded in stale and excuses nothing."""
    key = (name, ln, code)
    entry = DELIBERATE.get(key)
    if entry is not None:
        text, why = entry
        if text not in line_text:
            stale.add(key)
            return None
        used.add(key)
        return why
    key = (name, None, code)
    entry = DELIBERATE.get(key)
    if entry is not None:
        used.add(key)
        return entry[1]
    return None


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
    upstream, out = os.environ.get("F8_UPSTREAM", DEFAULT_UPSTREAM), None
    if "--upstream" in argv:
        i = argv.index("--upstream")
        upstream = argv[i + 1]
        del argv[i:i + 2]
    if "--out" in argv:
        i = argv.index("--out")
        out = argv[i + 1]
        del argv[i:i + 2]
    binary = os.path.abspath(argv[0] if argv else "bin/asyncls")
    evals = sorted(n for n in os.listdir(upstream) if n.endswith(".py")) if os.path.isdir(upstream) else []
    if not evals:
        sys.stderr.write(
            "f8_upstream_agreement: no upstream eval files (*.py) in %s: nothing measured.\n"
            "Fetch flake8-async's tests/eval_files/ files for the shared codes into that directory "
            "(see this script's docstring), or name another with --upstream DIR or F8_UPSTREAM=DIR.\n" % upstream)
        return 0
    if not os.access(binary, os.X_OK):
        sys.stderr.write("f8_upstream_agreement: no asyncls binary at %s (go build -o bin/asyncls ./cmd/asyncls)\n"
                         % binary)
        return 2
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
    used, stale, checked_files = set(), set(), set()
    tmp = tempfile.mkdtemp(prefix="f8agree")
    try:
        for name in evals:
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
            checked_files.add(name)
            dropped = set()
            for code in checked:
                want = {ln for ln, c in expected if c == code}
                got = run(binary, path, code, dropped)
                t = tally[code]
                t["agree"] += len(want & got)
                for kind, lines in (("missed", want - got), ("extra", got - want)):
                    for ln in sorted(lines):
                        why = deliberate(name, ln, code, src[ln - 1], used, stale)
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
    # Entries that excused nothing: their text is not on their line (another
    # version of the file: re-key them), or asyncls now agrees there.
    lines += ["", "DELIBERATE entries that excused nothing (stale: a disagreement on that line, but the line "
              "no longer holds the entry's text; unused: no disagreement on that line: asyncls agrees there now, "
              "or the file's lines moved):"]
    for key in sorted(DELIBERATE, key=lambda k: (k[0], k[1] or 0, k[2])):
        if key in used or key[0] not in checked_files:
            continue
        name, ln, code = key
        lines.append("  %-7s %s %s:%s" % ("stale" if key in stale else "unused", code, name, ln or "*"))
    missing = [n for n in evals if n not in commits]
    if missing:
        lines += ["", "eval files with no commit in COMMITS.txt: " + " ".join(missing)]
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
    sys.exit(main())
