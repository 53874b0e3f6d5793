"""Measure asyncio.run(main()) wall time of ground-truth programs.

Usage: python3 measure.py [--repeat N] FILE...
Prints one JSON object per file: {"path", "seconds", "outcome"}; seconds is
the minimum over N runs (noise only ever adds time). Each file is imported
under a module name other than "__main__", so its own asyncio.run() guard
does not fire; the harness times asyncio.run(module.main()) itself. As
`python3 FILE` does, the file's directory comes first on sys.path while it
runs, so a program of several modules (testdata/loopsim-projects/NAME/
main.py) imports its own package; the modules it imported from there are
forgotten afterwards, so the next program gets its own.
"""
import asyncio
import contextlib
import io
import importlib.util
import json
import os
import sys
import time


def measure(path):
    # The programs print; keep their output away from the JSON lines.
    with contextlib.redirect_stdout(io.StringIO()):
        return _measure(path)


def _measure(path):
    home = os.path.dirname(os.path.abspath(path))
    saved_path, saved_modules = list(sys.path), set(sys.modules)
    sys.path.insert(0, home)
    try:
        return _measure_in_path(path)
    finally:
        sys.path[:] = saved_path
        for name in set(sys.modules) - saved_modules:
            f = getattr(sys.modules[name], "__file__", None) or ""
            if os.path.abspath(f).startswith(home + os.sep):
                del sys.modules[name]


def _measure_in_path(path):
    spec = importlib.util.spec_from_file_location("loopsim_ground_truth", path)
    mod = importlib.util.module_from_spec(spec)
    # Registered like a real import, so worker processes can unpickle its
    # functions.
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    start = time.perf_counter()
    outcome = "ok"
    try:
        asyncio.run(mod.main())
    except BaseException as e:  # the time still counts
        outcome = type(e).__name__
    return time.perf_counter() - start, outcome


def main():
    args = sys.argv[1:]
    repeat = 1
    if args[:1] == ["--repeat"]:
        repeat = int(args[1])
        args = args[2:]
    for path in args:
        best, outcome = None, "ok"
        for _ in range(repeat):
            try:
                secs, outcome = measure(path)
            except BaseException as e:
                secs, outcome = -1.0, "import failed: %s" % e
            if best is None or (secs >= 0 and secs < best):
                best = secs
        print(json.dumps({"path": path, "seconds": best, "outcome": outcome}), flush=True)


if __name__ == "__main__":
    main()
