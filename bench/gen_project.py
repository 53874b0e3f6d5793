#!/usr/bin/env python3
"""Generate a synthetic Python project of N small modules for scaling benchmarks.

    python3 bench/gen_project.py N OUT_DIR

Modules live in packages of 100 (pkgK/modJ.py, each package with an
__init__.py that re-exports one function), import a few earlier modules, call
their functions (sync and async), define async functions that never await
(ASYNC124 asks a project-wide question for each), hand functions to
create_task by name, and call a blocking function through a sync helper
(ASL201 follows calls across modules). Deterministic: the same N gives the
same files.
"""
import os
import sys

TEMPLATE = '''"""Module {k}.{j} of a generated project."""
import asyncio
import time
{imports}

def helper_{i}(x):
    time.sleep(0.01)
    return x + 1


async def fetch_{i}(x):
    await asyncio.sleep(0)
    return helper_{i}(x)


async def idle_{i}(x):
    return x * 2


async def handler_{i}(request):
    return request


class Service{i}:
    def __init__(self):
        self.count = 0

    async def run(self):
        await fetch_{i}(1)
        task = asyncio.create_task(handler_{i}(2))
        await task
        return self.count


async def main_{i}():
{calls}
    await asyncio.gather(fetch_{i}(1), idle_{i}(2))
    loop_tasks = [asyncio.create_task(handler_{i}(n)) for n in range(3)]
    await asyncio.wait(loop_tasks)
    register(handler_{i})


def register(fn):
    return fn
'''


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    per_pkg = 100
    for i in range(n):
        k, j = divmod(i, per_pkg)
        pkg = os.path.join(out, "pkg%d" % k)
        if j == 0:
            os.makedirs(pkg, exist_ok=True)
            with open(os.path.join(pkg, "__init__.py"), "w") as f:
                f.write("from .mod0 import fetch_%d\n" % i)
        deps = sorted({d for d in (i - 1, i // 2, i - per_pkg, (i * 7) % max(i, 1)) if 0 <= d < i})
        imports, calls = [], []
        for d in deps:
            dk, dj = divmod(d, per_pkg)
            imports.append("from pkg%d.mod%d import fetch_%d, helper_%d" % (dk, dj, d, d))
            calls.append("    await fetch_%d(%d)" % (d, i))
            calls.append("    helper_%d(%d)" % (d, i))
        if not calls:
            calls.append("    pass")
        with open(os.path.join(pkg, "mod%d.py" % j), "w") as f:
            f.write(TEMPLATE.format(i=i, k=k, j=j, imports="\n".join(imports), calls="\n".join(calls)))


if __name__ == "__main__":
    main()
