# A synchronous function that keeps the task in a local and then runs the
# event loop until it is stopped, in the same frame: the local lives while
# the loop runs (amqtt's broker_main).
import asyncio


async def start(broker):
    await broker.serve()


def broker_main(broker):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    _ = loop.create_task(start(broker))  # quiet: the frame runs the loop below
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        loop.run_until_complete(broker.shutdown())
    finally:
        loop.close()


def serve(broker):
    loop = asyncio.new_event_loop()
    task = loop.create_task(start(broker))  # quiet: run_forever follows directly
    task.add_done_callback(print)
    loop.run_forever()


# Returning first, or only running the loop until something else is done,
# leaves the task to a loop that runs on without the frame.
def setup(loop, broker):
    task = loop.create_task(start(broker))  # want: ASL301
    task.add_done_callback(print)
    loop.run_until_complete(broker.ready())


def maybe_serve(broker, once):
    loop = asyncio.new_event_loop()
    task = loop.create_task(start(broker))  # want: ASL301
    task.add_done_callback(print)
    if once:
        return loop
    loop.run_forever()


def in_a_branch(broker, forever):
    loop = asyncio.new_event_loop()
    task = loop.create_task(start(broker))  # want: ASL301
    task.add_done_callback(print)
    if forever:
        loop.run_forever()


def serve_unless_once(broker, once):
    loop = asyncio.new_event_loop()
    task = loop.create_task(start(broker))  # want: ASL301
    task.add_done_callback(print)
    try:
        if once:
            return loop
        loop.run_forever()
    finally:
        loop.close()
