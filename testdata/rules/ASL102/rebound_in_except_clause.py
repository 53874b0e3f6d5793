# A name rebound in an except clause keeps the coroutine on the path that
# did not raise: the clause runs only when the try body failed.
import asyncio


async def fetch(item):
    return item


def convert(item):
    return item


def returned_after_try(item):
    try:
        pending = fetch(item)  # quiet: returned below when nothing raised
    except ValueError:
        pending = None
    return pending


def collected_after_try(items):
    results = []
    add = results.append
    for item in items:
        value: object
        try:
            value = convert(item)
            if asyncio.iscoroutine(value):
                value = fetch(value)  # quiet: appended, then gathered
        except ValueError:
            value = None
        add(value)
    return asyncio.gather(*results)


def dropped_after_try(item):
    try:
        pending = fetch(item)  # want: ASL102
    except ValueError:
        pending = None
    return None


def rebound_in_finally(item):
    try:
        pending = fetch(item)  # want: ASL102
    finally:
        pending = None
    return pending


def rebound_after_try(item):
    try:
        pending = fetch(item)  # want: ASL102
    except ValueError:
        pass
    pending = None
    return pending
