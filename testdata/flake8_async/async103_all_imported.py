# upstream: tests/eval_files/async103_all_imported.py @ 5c6879a0ca4af49467a4cf9a6bafc371bbfea848
# codes: ASYNC103
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# The asyncio spellings of CancelledError; as in async103.py, the try
# statements are restated inside a coroutine whose try body awaits.
import asyncio
from asyncio import exceptions
from asyncio.exceptions import CancelledError


async def step(): ...


async def spellings():
    try:
        await step()
    except CancelledError:  # want: ASYNC103
        print("dropped")
    except:
        print("after a cancellation handler: quiet")

    try:
        await step()
    except (
        asyncio.exceptions.CancelledError  # want: ASYNC103
    ):
        print("dropped")
    except:
        print("quiet")

    try:
        await step()
    except exceptions.CancelledError:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except asyncio.CancelledError:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except BaseException:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except:  # want: ASYNC103
        print("dropped")
