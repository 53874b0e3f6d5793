# fix: -
"""Unsafe to_thread fixes keep the arguments as written: comments, line breaks, trailing commas."""
import subprocess

import requests


async def fetch(url):
    requests.get(
        url,
        timeout=3,  # seconds
    )
    resp = requests.post(url, json={"a": (1, 2)},)
    subprocess.run(  # list the directory
        ["ls"], check=True)
    return requests.get(url).json()
