from typing import Tuple

from app.acl import AccessController


class BaseHandler:
    async def context(self) -> Tuple[object, AccessController]:
        return object(), AccessController()
