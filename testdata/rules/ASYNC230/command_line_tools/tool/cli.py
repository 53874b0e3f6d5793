# A command-line program's own module (it parses its arguments with
# argparse): each coroutine runs one command on a loop the command starts
# for itself, and its small local files (a token, a config, an output the
# user named) are read and written by design. ASYNC230 and ASYNC232 leave
# them out unless `local-io-in-cli = true`; a network call is still
# reported (ASYNC210).
import argparse
import asyncio
import json

import requests


async def login(args):
    with open(args.token_file) as f:  # quiet: a command-line tool's local file
        token = json.load(f)
    requests.post(args.url, json=token)  # want: ASYNC210
    return token


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token-file")
    parser.add_argument("--url")
    asyncio.run(login(parser.parse_args()))
