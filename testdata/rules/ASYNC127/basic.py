import httpx  # want: ASYNC127 "`httpx` is no longer maintained; switch to `httpx2`"
from httpx import AsyncClient  # want: ASYNC127
import httpx._client as hc  # want: ASYNC127

# Quiet
import httpx2
import aiohttp
