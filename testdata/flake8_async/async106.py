# upstream: tests/eval_files/async106.py @ a347611fc4609292b46216d81bd44b2937b2f1eb
# codes: ASYNC106
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream's file is written for trio and substituted to asyncio by its test
# runner; restated here with asyncio.
import importlib

import asyncio
import asyncio as aio  # want: ASYNC106
from vendor import thing
from asyncio import *  # want: ASYNC106
from asyncio import sleep, gather as run_all  # want: ASYNC106

dynamic = importlib.import_module("asyncio")

import asyncio

alias = asyncio
