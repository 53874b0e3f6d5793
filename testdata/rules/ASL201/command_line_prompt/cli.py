# A prompt reached through a helper in a command-line program's own module
# (it parses its arguments with argparse) is left out as a direct `input()`
# is there (ASYNC250's command_line_prompt): nothing else runs on the loop
# while the user types, unless `local-io-in-cli = true`. A network call
# through a helper is still reported.
import argparse
import asyncio

import requests

from prompts import ask


def ask_pin():
    return input("PIN: ")


def fetch_banner(host):
    return requests.get(f"http://{host}/", timeout=5).text


async def pair(host):
    pin = ask_pin()  # quiet: a command-line tool's prompt, as a direct input() is
    name = ask("name: ")  # quiet: the same through another module's helper
    banner = fetch_banner(host)  # want: ASL201
    return pin, name, banner


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    args = parser.parse_args()
    asyncio.run(pair(args.host))
