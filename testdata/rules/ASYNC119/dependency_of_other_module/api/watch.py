from .database import watch_rows

watch = watch_rows
NAME = watch_rows.__name__


async def first_rows(query):
    out = []
    async for row in watch(query):
        out.append(row)
        if len(out) > 2:
            break
    return out
