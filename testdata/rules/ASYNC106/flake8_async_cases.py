# Cases from flake8-async's eval_files/async106.py, with asyncio.
import importlib

import asyncio
import asyncio as foo  # want: ASYNC106
from foo import blah
from asyncio import *  # want: ASYNC106
from asyncio import blah, open_file as foo  # want: ASYNC106
from asyncio.subprocess import PIPE
import asyncio.subprocess
from . import asyncio

k = importlib.import_module("asyncio")
