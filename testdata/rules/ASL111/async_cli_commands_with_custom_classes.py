# A command or group registered with a class of its own (`cls=AsyncCommand`,
# `@click.group(cls=AsyncGroup)`) is invoked the way that class decides: the
# common recipe for async Click commands overrides `invoke` to run the
# callback's coroutine with asyncio.run, so those `async def`s are not
# reported. Click's own classes passed explicitly change nothing.
import asyncio

import click


class AsyncCommand(click.Command):
    def invoke(self, ctx):
        return asyncio.run(super().invoke(ctx))


class AsyncGroup(click.Group):
    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", AsyncCommand)
        return super().command(*args, **kwargs)


@click.command(cls=click.Command)
async def plain_class():  # want: ASL111
    await asyncio.sleep(1)


@click.group()
def tools():
    pass


@tools.command("sync", cls=click.Command)
async def tools_sync():  # want: ASL111
    await asyncio.sleep(1)


# Quiet: the project's command and group classes decide how callbacks run.
@click.command(cls=AsyncCommand)
@click.option("--n", default=1)
async def fetch(n):
    await asyncio.sleep(n)


@click.command("fetch-all", AsyncCommand)
async def fetch_all():
    await asyncio.sleep(1)


@click.group(cls=AsyncGroup)
def cli():
    pass


@cli.command()
async def sync_all():
    await asyncio.sleep(1)


@tools.command(cls=AsyncCommand)
async def other():
    await asyncio.sleep(1)
