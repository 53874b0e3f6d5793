import asyncio
import asyncio.timeouts


# A timeout call split over several lines is reported where the call starts,
# the header's first line; black moves a trailing comment to the last line
# (`):`), and a noqa there silences the whole header.
async def split_call():
    async with asyncio.timeouts.timeout(  # want: ASYNC100
        10
    ):
        print("no await")


async def split_call_second_item(lock):
    async with lock, asyncio.timeout_at(  # want: ASYNC100
        asyncio.get_running_loop().time() + 10
    ):
        print("no await")


# Quiet: the noqa on the header's last line covers its first.
async def silenced_on_last_line():
    async with asyncio.timeouts.timeout(
        10
    ):  # noqa: ASYNC100
        print("no await")
