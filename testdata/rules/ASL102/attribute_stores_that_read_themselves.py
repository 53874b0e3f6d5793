# A store that reads the attribute it sets (`existing._pattern =
# route._pattern`, `node.next = node.next.next`) asks about that attribute
# while its type is being worked out: the stores are read as their own
# module resolves them, so the question is not asked again (it would wait
# for itself), and nothing is known here.
import asyncio
from typing import Any


class Route:
    def __init__(self, pattern: Any = None) -> None:
        self._pattern = pattern
        self.next = None

    async def match(self, request) -> bool:
        return self._pattern.match(request)

    async def follow(self) -> None:
        self.next.match(None)


def replace(existing: Route, route: Route) -> None:
    existing._pattern = route._pattern


def unlink(route: Route) -> None:
    route.next = route.next.next


async def main() -> None:
    asyncio.sleep(0)  # want: ASL102
