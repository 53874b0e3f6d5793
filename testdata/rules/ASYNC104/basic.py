import asyncio


async def fetch(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError:
        return None  # want: ASYNC104 "`return` inside `except asyncio\.CancelledError` swallows the cancellation"


async def other_error():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise RuntimeError("stopped")  # want: ASYNC104


async def other_error_from(exc_type):
    try:
        await asyncio.sleep(1)
    except BaseException as e:
        raise exc_type() from e  # want: ASYNC104


async def loop_jump(items):
    for item in items:
        try:
            await asyncio.sleep(item)
        except asyncio.CancelledError:
            continue  # want: ASYNC104


# Quiet
async def reraise():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        raise e


async def reraise_from_none():
    try:
        await asyncio.sleep(1)
    except BaseException as exc:
        raise exc from None


async def bare_reraise():
    try:
        await asyncio.sleep(1)
    except BaseException:
        raise


async def loop_inside_handler(items):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        for item in items:
            if item:
                break
        raise


async def nested_def():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        def cleanup():
            return 1

        cleanup()
        raise


async def value_error():
    try:
        await asyncio.sleep(1)
    except ValueError:
        return None
