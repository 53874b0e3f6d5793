import asyncio

import click

from pkg.groups import app, ops_group
from pkg.options import add_backend_options, async_command


@ops_group.command(name="diff")
@click.argument("path")
@add_backend_options
async def ops_diff(path, remote_url):  # want: ASL111 "with click by `@ops_group.command"
    await asyncio.sleep(0)


@app.command("search")
async def search(query: str):  # want: ASL111 "registered with typer"
    await asyncio.sleep(0)


@ops_group.command(name="log")
@add_backend_options
@async_command
async def ops_log(remote_url):  # quiet: the imported decorator runs it with asyncio.run
    await asyncio.sleep(0)


@ops_group.command(name="undo")
@add_backend_options
def undo(remote_url):  # quiet: a plain def
    asyncio.run(asyncio.sleep(0))
