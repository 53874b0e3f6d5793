# A coroutine passed to the constructor of an exception that is raised at
# once is kept as data and never awaited (aioamazondevices#354: helpers made
# `async def`, their results still passed to the exceptions raised).
from errors import CannotAuthenticate
import errors


class RequestFailed(Exception):
    pass


def make_error(reason):
    return RequestFailed(reason)


class Api:
    async def _phrase(self, status: int) -> str:
        return str(status)

    async def check(self, status: int) -> None:
        if status == 401:
            raise CannotAuthenticate(self._phrase(status))  # want: ASL102 "passed to the exception `CannotAuthenticate\(\)` raised at once"
        if status == 403:
            raise errors.Forbidden(self._phrase(status))  # want: ASL102
        if status == 500:
            raise RequestFailed(self._phrase(status))  # want: ASL102
        raise ValueError(self._phrase(status))  # want: ASL102

    async def check_ok(self, status: int) -> None:
        # Quiet: awaited before the exception is built; a lowercase factory
        # may do anything with its argument.
        if status == 401:
            raise CannotAuthenticate(await self._phrase(status))
        if status == 500:
            raise make_error(self._phrase(status))
        phrase = await self._phrase(status)
        raise RequestFailed(phrase) from None
