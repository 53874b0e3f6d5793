# A function that cancels its own running task, or schedules that
# (`loop.call_later(timeout, task.cancel)`), and then catches the
# CancelledError handles the cancellation it asked for, as with
# `t.cancel(); await t` (zwave-js-server's dump with its own timeout).
import asyncio


async def dump(client, timeout):
    msgs = []
    current = asyncio.current_task()
    asyncio.get_running_loop().call_later(timeout, current.cancel)
    while True:
        try:
            msgs.append(await client.receive_json())
        except asyncio.CancelledError:  # quiet: the function's own timeout
            break
    await client.close()
    return msgs


async def serve_until_signal(loop, work, log):
    task = asyncio.current_task()
    loop.add_signal_handler(15, task.cancel)
    while True:
        try:
            await work()
        except asyncio.CancelledError:  # want: ASYNC103
            # The loop goes on: the signal's cancel never stops the task.
            log.info("cancelled, going on")


async def serve_until_signal_fixed(loop, work, log):
    task = asyncio.current_task()
    loop.add_signal_handler(15, task.cancel)
    while True:
        try:
            await work()
        except asyncio.CancelledError:  # quiet: the cancel it asked for ends the loop
            log.info("stopping")
            return


async def cancel_message(checkpoint):
    task = asyncio.current_task()
    try:
        task.cancel("first")
        await checkpoint()
    except asyncio.CancelledError:  # quiet: the cancel it asked for
        pass


async def direct(checkpoint):
    try:
        asyncio.current_task().cancel()
        await checkpoint()
    except asyncio.CancelledError:  # quiet
        return 1


async def other_task(client, task):
    try:
        task.cancel()
        await client.receive_json()
    except asyncio.CancelledError:  # want: ASYNC103
        pass


async def rebound(client, other):
    task = asyncio.current_task()
    task = other
    task.cancel()
    try:
        await client.receive_json()
    except asyncio.CancelledError:  # want: ASYNC103
        pass


async def cancels_later(client):
    try:
        await client.receive_json()
    except asyncio.CancelledError:  # want: ASYNC103
        pass
    asyncio.current_task().cancel()
