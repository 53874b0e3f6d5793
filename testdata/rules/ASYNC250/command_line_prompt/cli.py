# An interactive prompt in a command-line program's own module (it parses
# its arguments with click): nothing else runs on the loop while the user
# types, so input() is left out unless `local-io-in-cli = true`.
import asyncio

import click


async def configure(host):
    user = input("user: ")  # quiet: a command-line tool's prompt
    return host, user


@click.command()
@click.argument("host")
def main(host):
    asyncio.run(configure(host))
