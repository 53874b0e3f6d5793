# With `local-io-in-cli = true`, a command-line program's own modules are
# checked for local file work like any other.
import argparse
import asyncio


async def login(path):
    with open(path) as f:  # want: ASYNC230
        return f.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    asyncio.run(login(parser.parse_args().path))
