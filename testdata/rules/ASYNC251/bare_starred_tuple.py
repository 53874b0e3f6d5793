# A tuple without parentheses whose starred element is bracketed
# (`return v, *(x or ())`, valid since Python 3.8) parses: no syntax
# error, and the functions around it are still checked.
import time


def label(value, hint):
    time.sleep(0.1)  # a plain def: quiet
    return value, *(hint or ("", False))


async def refresh(value, hints):
    time.sleep(1)  # want: ASYNC251
    row = value, *[h for h in hints]
    yield value, *(hints or ())
    return


async def quiet(value, hints):
    first, *rest = value, *(hints or ())
    return first, rest
