# A coroutine defined inside a synchronous function that only runs it as a
# new event loop's main coroutine (`asyncio.run(main())`): until its first
# await nothing else runs on that loop, so a file read there stalls nobody,
# as if it were made before `asyncio.run` (mitmproxy's and textual's
# `run()`, a CLI loading its options). After the first await, in a loop
# that awaits, or when the coroutine is used any other way, it is reported.
import asyncio

import trio


def run(path):
    async def main():
        with open(path) as f:  # quiet: before the first await of a fresh loop's main coroutine
            options = f.read()
        server = await asyncio.start_server(lambda r, w: None, "localhost", 8080)
        with open(path + ".pid", "w") as f:  # want: ASYNC230
            f.write("1")
        await server.serve_forever()
        return options

    return asyncio.run(main())


def run_trio(path):
    async def main():
        with open(path) as f:  # quiet: trio.run(main) starts a new loop with it
            f.read()
        await trio.sleep(1)

    trio.run(main)


def run_polling(path):
    async def main():
        while True:
            with open(path) as f:  # want: ASYNC230
                f.read()
            await asyncio.sleep(1)

    asyncio.run(main())


def run_shared(path, loop):
    async def main():
        with open(path) as f:  # want: ASYNC230
            f.read()
        await asyncio.sleep(1)

    asyncio.run(main())
    loop.create_task(main())  # also started on a loop others share


def run_on_given_loop(path, loop):
    async def main():
        with open(path) as f:  # want: ASYNC230
            f.read()
        await asyncio.sleep(1)

    loop.run_until_complete(main())  # a loop that may have other tasks


async def top_level_main(path):
    with open(path) as f:  # want: ASYNC230
        f.read()
    await asyncio.sleep(1)


def cli(path):
    asyncio.run(top_level_main(path))
