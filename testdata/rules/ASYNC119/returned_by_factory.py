# A provider factory returns the async generator function it defines
# (advanced-alchemy's FastAPI and Litestar service providers): whoever
# receives the function makes and drives its generators (FastAPI enters a
# generator dependency in the request's AsyncExitStack), so the function is
# not reported. A factory that returns the generator itself, or consumes it,
# still is.
from fastapi import Depends


def provide_service(service_class, provide_session):
    async def provide_async_service(db_session=Depends(provide_session)):
        async with service_class.new(session=db_session) as service:
            yield service

    return provide_async_service


def open_lines(path):
    async def lines():
        with open(path) as f:
            for line in f:
                yield line  # want: ASYNC119

    return lines()


async def first_line(path):
    async def lines():
        with open(path) as f:
            for line in f:
                yield line  # want: ASYNC119

    async for line in lines():
        return line
    return None

