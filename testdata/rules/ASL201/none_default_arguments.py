# config: asl201-local-files = true  # the helpers open local files
# A parameter that defaults to None and is looked up only when not given:
# a call that passes a value runs no `if param is None:` body.
import asyncio
import json
import time


class Client:
    def __init__(self, connection_info=None, *, timeout=10, **extra):
        for name in ("url_file",):
            if name in extra:
                connection_info = extra[name]
        if connection_info is None and timeout:
            # default: wait for the connection file the controller writes
            while not ready():
                time.sleep(1)
            with open("client.json") as f:
                connection_info = json.load(f)
        self.info = connection_info


def ready():
    return True


def load_config(path, config=None):
    if config is not None:
        return config
    with open(path) as f:
        return json.load(f)


def load_config_else(path, config=None):
    if config is None:
        with open(path) as f:
            return json.load(f)
    else:
        return config


# Quiet: the argument is a value that is no None.
async def connect(info):
    await asyncio.sleep(0)
    return Client(info["client"], timeout=5)


async def connect_literal():
    await asyncio.sleep(0)
    return Client({"url": "tcp://127.0.0.1"})


async def configured(path):
    await asyncio.sleep(0)
    settings = {"debug": True}
    return load_config(path, settings), load_config_else(path, config=[1])


# Reported: nothing passed (the default None), None itself, or a value that
# may be None (a parameter, an attribute, a call's result).
async def connect_default():
    await asyncio.sleep(0)
    return Client()  # want: ASL201


async def connect_none():
    await asyncio.sleep(0)
    return Client(None)  # want: ASL201


async def connect_maybe(info=None):
    await asyncio.sleep(0)
    return Client(info)  # want: ASL201


async def configured_maybe(path, source):
    await asyncio.sleep(0)
    return load_config(path, source.get("config"))  # want: ASL201


# Reported: the callee reassigns the parameter with what may be None
# before the test.
def load_cached(path, config=None):
    config = CACHE.get(path)
    if config is None:
        with open(path) as f:
            return json.load(f)
    return config


CACHE = {}


async def cached(path):
    await asyncio.sleep(0)
    return load_cached(path, {"a": 1})  # want: ASL201


# `or`: the body runs when either parameter is None.
def load_either(path, first=None, second=None):
    if first is None or second is None:
        with open(path) as f:
            return json.load(f)
    return first, second


async def both_given(path):
    await asyncio.sleep(0)
    return load_either(path, {"a": 1}, {"b": 2})


async def one_given(path):
    await asyncio.sleep(0)
    return load_either(path, {"a": 1})  # want: ASL201


async def none_given(path):
    await asyncio.sleep(0)
    return load_either(path)  # want: ASL201


# An `if` that returns when either is given: the code after it runs only
# when neither is.
def load_unless_either(path, first=None, second=None):
    if first is not None or second is not None:
        return first or second
    with open(path) as f:
        return json.load(f)


async def first_given(path):
    await asyncio.sleep(0)
    return load_unless_either(path, {"a": 1})


async def first_maybe(path, maybe):
    await asyncio.sleep(0)
    return load_unless_either(path, maybe)  # want: ASL201
