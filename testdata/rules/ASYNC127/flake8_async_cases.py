# Cases from flake8-async's eval_files/async127.py.
import importlib

import httpx  # want: ASYNC127
import httpx as foo  # want: ASYNC127
import httpx.config  # want: ASYNC127
import httpx, httpx.config  # want: ASYNC127
from httpx import AsyncClient  # want: ASYNC127
from httpx import Client as bar  # want: ASYNC127
from httpx import *  # want: ASYNC127
from httpx._client import Client  # want: ASYNC127

import httpx2
import httpx2 as foo2
from httpx2 import AsyncClient

import httpx_auth
from httpx_auth import Whatever
import foo.httpx
from foo.httpx import bar

from . import httpx
from .httpx import Client

k = importlib.import_module("httpx")
def f():
    import httpx  # want: ASYNC127
