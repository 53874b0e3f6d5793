# A script's main task dropped right before run_forever() is reported:
# run_forever keeps no reference to it, and a main coroutine parked on a
# future nothing else holds is collected while the loop runs (its finally
# closes the server). Kept in a local of the frame that runs the loop, it
# lives as long as the loop.
import asyncio


async def main(port):
    server = await asyncio.start_server(lambda r, w: None, port=port)
    try:
        await asyncio.Future()  # run forever
    finally:
        server.close()


def run_dropped(port):
    loop = asyncio.new_event_loop()
    loop.create_task(main(port))  # want: ASYNC300
    loop.run_forever()


def run_ensure_future(port):
    loop = asyncio.new_event_loop()
    asyncio.ensure_future(main(port), loop=loop)  # want: ASYNC300
    try:
        loop.run_forever()
    finally:
        loop.close()


def run_kept(port):
    loop = asyncio.new_event_loop()
    task = loop.create_task(main(port))
    loop.run_forever()
    return task
