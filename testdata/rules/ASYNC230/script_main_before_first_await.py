# A script's module-level main coroutine, run by its top level (or its
# `if __name__ == "__main__":`) on a fresh loop with `asyncio.run(main())`
# or `asyncio.get_event_loop().run_until_complete(main())`, stalls nobody
# before its first await: nothing else runs on that loop yet (zigpy-znp's
# tools reading their backup file). After the first await it is reported,
# and so is a call in a loop that comes back after awaiting. A deliberate
# difference from flake8-async, as for a main coroutine nested in the
# function that runs it (main_coroutine_before_first_await.py).
import asyncio
import json
import sys


async def restore(backup):
    await asyncio.sleep(0)
    return backup


async def main(argv):
    with open(argv[0]) as f:  # quiet: nothing else on the loop yet
        backup = json.load(f)
    for name in argv[1:]:
        with open(name) as f:  # want: ASYNC230
            backup.update(json.load(f))
        await restore(backup)
    with open(argv[0] + ".done", "w") as f:  # want: ASYNC230
        f.write("ok")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
