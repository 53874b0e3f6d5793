# With `local-io-in-cli = true`, a prompt through a helper in a
# command-line program's own module is reported, as a direct input() is.
import argparse
import asyncio


def ask_pin():
    return input("PIN: ")


async def pair(host):
    return ask_pin()  # want: ASL201


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    asyncio.run(pair(parser.parse_args().host))
