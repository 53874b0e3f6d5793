from inhouse.decorators import timed, traced
from legacy import rpc
from vendor_sdk import Client

client = Client()


@traced
async def load(key: str) -> dict:
    return {}


@timed
async def load_timed(key: str) -> dict:
    return {}


async def handle(key: str) -> None:
    client.upload(key)  # want: ASL102
    rpc.call_async("ping")  # want: ASL102
    load(key)  # want: ASL102
    # Quiet: awaited, not configured, or an unknown decorator.
    await client.upload(key)
    rpc.call_sync("ping")
    load_timed(key)
