# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A helper reached before the first await of a coroutine that a
# synchronous function only runs as a new event loop's main coroutine
# (`asyncio.run(main())`) stalls nobody: nothing else runs on that loop
# yet (distributed's `dask-scheduler` main, a CLI loading its config).
# After the first await it is reported.
import asyncio
import json


def load_config(path):
    with open(path) as f:
        return json.load(f)


def main(path):
    async def run():
        config = load_config(path)  # quiet: nothing else on the new loop yet
        await asyncio.sleep(0)
        config.update(load_config(path))  # want: ASL201
        return config

    asyncio.run(run())


def main_with_arguments(path):
    async def run(p):
        config = load_config(p)  # quiet: asyncio.run(run(path)) is the same new loop
        await asyncio.sleep(0)
        return config

    asyncio.run(run(path))


def main_with_task(path):
    async def run():
        config = load_config(path)  # want: ASL201
        await asyncio.sleep(0)
        return config

    asyncio.run(run())
    return run  # handed out: someone else may run it on a shared loop
