# upstream: tests/eval_files/async127.py @ d5e9ef6f9464c20a311c41c3637c447b7e88ecd8
# codes: ASYNC127
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import importlib

import httpx  # want: ASYNC127
import httpx as web  # want: ASYNC127
import httpx.config  # want: ASYNC127
import httpx, httpx.config  # want: ASYNC127
from httpx import AsyncClient  # want: ASYNC127
from httpx import Client as SyncClient  # want: ASYNC127
from httpx import *  # want: ASYNC127
from httpx._client import Client  # want: ASYNC127

import httpx2
import httpx2 as web2
from httpx2 import AsyncClient

import httpx_auth
from httpx_auth import Whatever
import vendor.httpx
from vendor.httpx import thing

from . import httpx
from .httpx import Client

dynamic = importlib.import_module("httpx")
