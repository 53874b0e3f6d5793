# Decorators of the project, imported by the modules that use them: the
# first two replace the function by a wrapper that returns a client of
# their own choosing; the last two hand back the wrapped call, or the
# function itself.
import functools

import httpx
import requests


def pooled(fn):
    def wrapper(*args):
        return httpx.AsyncClient()
    return wrapper


def blocking(**opts):
    def decorate(fn):
        def wrapper(*args):
            return requests.Session()
        return wrapper
    return decorate


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


REGISTRY = []


def registered(fn):
    REGISTRY.append(fn)
    return fn
