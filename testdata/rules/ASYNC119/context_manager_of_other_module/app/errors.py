from contextlib import asynccontextmanager


@asynccontextmanager
async def translated_errors():
    try:
        yield
    except KeyError as e:
        raise LookupError(str(e)) from e
