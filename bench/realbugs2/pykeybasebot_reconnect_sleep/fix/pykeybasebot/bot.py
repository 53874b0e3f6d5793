import asyncio
import logging
import os
import re
from functools import wraps
from typing import Optional

from .chat_client import ChatClient
from .cli import KeybaseNotConnectedError, kblisten, kbsubmit
from .kvstore_client import KVStoreClient

RETRY_ATTEMPTS = 100
SLEEP_SECS_BETWEEEN_RETRIES = 1


def _with_reconnect_to_keybase(keybase_bot_start_function):
    # This decorator manages catching disconnect errors from the keybase service
    # and attempting to reconnect to it periodically. If the very first attempt
    # to connect fails, that error will be allowed to bubble up.
    @wraps(keybase_bot_start_function)
    async def wrapped_f(self, *args, **kwargs):
        attempts = RETRY_ATTEMPTS
        while True:
            try:
                await keybase_bot_start_function(self, *args, **kwargs)
            except KeybaseNotConnectedError:
                if self._initialized:
                    # this is the first caught error after it was previously working
                    attempts = 0
                    self._initialized = False
                    logging.info(
                        f"RECONNECT: the keybase service has died or disappeared. attempting to reconnect {RETRY_ATTEMPTS} times..."
                    )
                attempts += 1
                if attempts > RETRY_ATTEMPTS:
                    # Retries exhausted or the bot hasn't initialized on its first attempt.
                    # Either way, reraise the caught exception.
                    raise
                logging.info(
                    f"RECONNECT: sleeping {SLEEP_SECS_BETWEEEN_RETRIES} seconds..."
                )
                await asyncio.sleep(SLEEP_SECS_BETWEEEN_RETRIES)

    return wrapped_f


class Bot:
    def __init__(self, handler, username: Optional[str] = None, paperkey: Optional[str] = None, loop=None,
                 keybase: Optional[str] = None):
        self.username = username
        self.paperkey = paperkey
        self.handler = handler
        self.keybase = keybase or "keybase"
        self.loop = loop
        self._initialized = False

    @_with_reconnect_to_keybase
    async def start(self, listen_options):
        # This is the main, expected entry point.
        await self.ensure_initialized()

    async def submit(self, command, input_data=None, **opts):
        return await kbsubmit(self.keybase, command, input_data, loop=self.loop, **opts)

    async def ensure_initialized(self):
        if not self._initialized:
            await self.submit("status --json")
