import asyncio
import time

import requests


def load_config(url):
    return requests.get(url).json()


def retry_sleep():
    time.sleep(1)


def wrapper():
    return retry_sleep()


def pure(x):
    return x + 1


async def start(url):
    config = load_config(url)  # want: ASL201 "`load_config\(\)` blocks the event loop in async function `start`: it calls blocking `requests\.get\(\)`"
    wrapper()  # want: ASL201
    pure(1)
    await asyncio.to_thread(load_config, url)


async def local_helper():
    def work():
        time.sleep(1)

    work()  # want: ASL201


class Worker:
    def _block(self):
        time.sleep(1)

    async def run(self):
        self._block()  # want: ASL201


# Quiet: sync callers may block.
def sync_start(url):
    return load_config(url)
