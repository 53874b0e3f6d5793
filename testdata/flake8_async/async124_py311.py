# upstream: tests/eval_files/async124_py311.py @ 4f6305536034417dc973b1ded27555773e154ccf
# codes: ASYNC124
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
from contextlib import asynccontextmanager


def cleanup() -> None: ...


@asynccontextmanager
async def yields_in_try():
    try:
        yield
    except* Exception:
        cleanup()


@asynccontextmanager
async def yields_in_handler():
    try:
        cleanup()
    except* Exception:
        yield  # differs: ASYNC124 -- a yield's column is not where ASYNC124 reports (a function's definition), and decorated functions are skipped
