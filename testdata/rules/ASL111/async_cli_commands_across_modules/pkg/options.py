import functools

import click

REMOTE_URL_OPTION = click.option("--remote-url", default=None)


def add_backend_options(func):
    @REMOTE_URL_OPTION
    @functools.wraps(func)
    def wrapper(remote_url, **kwargs):
        return func(remote_url=remote_url, **kwargs)

    return wrapper


def async_command(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        import asyncio

        return asyncio.run(func(*args, **kwargs))

    return wrapper
