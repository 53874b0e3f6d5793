import asyncio

from .config import config_source, load_config, load_flags


async def start(url: str) -> None:
    config = load_config(url)  # want: ASL201
    flags = load_flags(url)  # want: ASL201
    source = config_source(url)
    ok = await asyncio.to_thread(load_config, url)
