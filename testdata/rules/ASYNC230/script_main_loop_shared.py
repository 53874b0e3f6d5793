# Still reported: the script's top level puts another task on the loop
# first (it runs before main() and waits while main() blocks), and a main
# coroutine a function of the module runs (anyone may import that function
# and run the coroutine on a loop others share).
import asyncio


async def heartbeat():
    while True:
        await asyncio.sleep(1)


async def main():
    with open("config.json") as f:  # want: ASYNC230
        config = f.read()
    await asyncio.sleep(0)
    return config


async def serve():
    with open("serve.json") as f:  # want: ASYNC230
        config = f.read()
    await asyncio.sleep(0)
    return config


def cli():
    asyncio.run(serve())


asyncio.ensure_future(heartbeat())
asyncio.get_event_loop().run_until_complete(main())
