# config: asl201-local-files = true  # mechanics shown with local-file sinks
# Still reported: the script's top level puts another task on the loop
# first (it runs before main() and waits while main() blocks), and a main
# coroutine some function of the module runs (anyone may import that one).
import asyncio
import json


def load_config(path):
    with open(path) as f:
        return json.load(f)


async def heartbeat():
    while True:
        await asyncio.sleep(1)


async def main():
    config = load_config("config.json")  # want: ASL201
    await asyncio.sleep(0)
    return config


async def serve():
    config = load_config("serve.json")  # want: ASL201
    await asyncio.sleep(0)
    return config


def cli():
    asyncio.run(serve())


asyncio.ensure_future(heartbeat())
asyncio.get_event_loop().run_until_complete(main())
