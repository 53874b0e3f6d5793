# upstream: tests/eval_files/async103_104_py311.py @ 928eeb8df9e1d3a232b56dbf42556ac389c6109f
# codes: ASYNC103 ASYNC104
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# `except*`, restated inside a coroutine whose try body awaits (upstream's
# module-level `return` inside `except*` is a SyntaxError and is left out).


async def step(): ...


async def groups():
    try:
        await step()
    except* BaseException:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except* BaseException:
        raise

    try:
        await step()
    except* ValueError:
        print("not a cancellation")
    except* BaseException:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except* BaseException:
        raise ValueError  # want: ASYNC104
