# Click and Typer call a command's function synchronously: an `async def`
# registered as a command makes a coroutine at every invocation and drops
# it (nexi-lab/nexus#3050, justincasher/lean-explore#50; bench/realbugs106).
import asyncio
import functools

import asyncclick
import click
import typer
from click import command, pass_context

from mylib import magic_decorator

app = typer.Typer()
sub = typer.Typer(name="sub")
app.add_typer(sub)


async def fetch(x):
    await asyncio.sleep(0)
    return x


@click.command()
@click.argument("name")
async def greet(name):  # want: ASL111 "registered with click by `@click.command"
    await fetch(name)


@click.group()
def cli():
    pass


@cli.command(name="sync")
@click.option("--force", is_flag=True)
@click.pass_context
async def sync_cmd(ctx, force):  # want: ASL111 "calls a command's or group's function synchronously"
    await fetch(force)


@cli.group()
def db():
    pass


@db.command()
async def migrate():  # want: ASL111 "registered with click"
    await fetch(1)


@command("bare")
async def bare():  # want: ASL111
    await fetch(2)


@app.command("search")
async def search(query: str):  # want: ASL111 "registered with typer by `@app.command"
    await fetch(query)


@sub.callback()
async def sub_main():  # want: ASL111 "registered with typer"
    await fetch(3)


def keep_async(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@cli.command()
@keep_async
async def wrapped(x=1):  # want: ASL111
    await fetch(x)


# Quiet: the nearest correct code.


def coro(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return asyncio.run(f(*args, **kwargs))

    return wrapper


@cli.command()
@coro
async def runs_its_loop():  # quiet: the project's decorator runs the coroutine with asyncio.run
    await fetch(4)


@cli.command()
@magic_decorator
async def unknown_decorator():  # quiet: a library decorator asyncls knows nothing of may run it
    await fetch(5)


@cli.command()
def plain(name):  # quiet: a plain def that runs the async body
    asyncio.run(fetch(name))


@asyncclick.command()
async def async_click_command():  # quiet: asyncclick awaits the callback
    await fetch(6)


class AsyncTyper(typer.Typer):
    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)

        def decorator(fn):
            register(lambda *a, **kw: asyncio.run(fn(*a, **kw)))
            return fn

        return decorator


aapp = AsyncTyper()


@aapp.command()
async def through_subclass():  # quiet: a subclass of the project may run it
    await fetch(7)


@pass_context
async def not_a_command(ctx):  # quiet: no command registers it
    await fetch(ctx)


def factory():
    @cli.command()
    async def nested():  # quiet: a nested def, registered only when factory runs
        await fetch(8)

    return nested


@cli.command()
async def generator_command():  # quiet: an async generator is not a coroutine function
    yield 1


@cli.group()
async def hosts():  # want: ASL111 "registered with click by `@cli.group"
    """A group callback runs before each of the group's subcommands (neoave/mrack#76)."""


def async_run(f):
    def wrapper(*args, **kwargs):
        loop = asyncio.get_event_loop()
        return loop.run_until_complete(f(*args, **kwargs))

    return functools.update_wrapper(wrapper, f)


@cli.command()
@click.pass_context
@async_run
async def up(ctx):  # quiet: the project's decorator runs the loop until the coroutine completes
    await fetch(ctx)
