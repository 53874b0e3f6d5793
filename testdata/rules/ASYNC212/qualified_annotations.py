# An annotation's qualifier is not the name's type: `Final[httpx.Client]`
# (PEP 591) and `ClassVar[httpx.Client]` (PEP 526) declare an httpx.Client,
# and a bare `Final` leaves the type to the assigned value ("the type
# checker should apply its usual type inference"), as `Any` does. The
# Slack MCP server of corpus29 declares its server `mcp: Final[FastMCP] =
# FastMCP(name=...)`.
import typing
from typing import Any, ClassVar, Final

import httpx


def make():
    return object()


CLIENT: Final[httpx.Client] = make()
PLAIN: Final = httpx.Client()
DOTTED: typing.Final[httpx.Client] = make()
LOOSE: Any = httpx.Client()
ASYNC_CLIENT: Final[httpx.AsyncClient] = make()
ASYNC_PLAIN: Final = httpx.AsyncClient()
UNKNOWN: Final = make()


class Service:
    shared: ClassVar[httpx.Client] = make()

    async def fetch(self):
        return self.shared.get("https://example.com")  # want: ASYNC212 "`self.shared.get\(\)`"


async def main():
    CLIENT.get("https://example.com")  # want: ASYNC212 "`CLIENT.get\(\)`"
    PLAIN.get("https://example.com")  # want: ASYNC212
    DOTTED.get("https://example.com")  # want: ASYNC212
    LOOSE.get("https://example.com")  # want: ASYNC212
    await ASYNC_CLIENT.get("https://example.com")  # an async client: quiet
    await ASYNC_PLAIN.get("https://example.com")  # quiet
    UNKNOWN.get("https://example.com")  # nothing known about the value: quiet
