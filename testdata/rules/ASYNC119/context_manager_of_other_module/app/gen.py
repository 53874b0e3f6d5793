from .errors import translated_errors


async def rows(conn):
    async with translated_errors():
        for row in conn:
            # translated_errors, in another module, only translates
            # exceptions and holds nothing: quiet.
            yield row


async def lines(path):
    with open(path) as f:
        for line in f:
            yield line  # want: ASYNC119
