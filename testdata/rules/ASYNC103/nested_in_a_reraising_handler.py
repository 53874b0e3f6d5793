# A cleanup try statement inside a handler of the cancellation that ends
# with a bare `raise`: however the inner handler ends, the outer one
# re-raises the cancellation it caught, so the task still ends cancelled.
# An outer handler that can leave another way, or that does not end with
# `raise`, leaves the inner swallow reported.
import asyncio
import logging


async def receive(channels, channel, shard):
    q = channels[channel]
    try:
        return await q.get()
    except (asyncio.CancelledError, asyncio.TimeoutError):
        if channel in channels:
            del channels[channel]
            try:
                await shard.unsubscribe(channel)
            except BaseException:
                logging.exception("cleanup failed")
                # the CancelledError caught above is re-raised below
        raise


async def receive_or_none(channels, channel, shard):
    q = channels[channel]
    try:
        return await q.get()
    except asyncio.CancelledError:
        try:
            await shard.unsubscribe(channel)
        except BaseException:
            logging.exception("cleanup failed")
            return None  # want: ASYNC104
        raise


async def receive_and_log(channels, channel, shard):
    q = channels[channel]
    try:
        return await q.get()
    except asyncio.CancelledError:  # want: ASYNC103
        try:
            await shard.unsubscribe(channel)
        except BaseException:  # want: ASYNC103
            logging.exception("cleanup failed")
        logging.info("cancelled")
