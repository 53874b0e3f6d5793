import asyncio


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work())
    except* ValueError as eg:
        raise eg.exceptions[0]  # want: ASYNC123 "raising an exception taken out of an ExceptionGroup"


def handler():
    try:
        work_sync()
    except ExceptionGroup as eg:
        first = eg.exceptions[0]
        raise first  # want: ASYNC123


def via_loop():
    try:
        work_sync()
    except* OSError as eg:
        for exc in eg.exceptions:
            raise exc  # want: ASYNC123


def via_subgroup():
    try:
        work_sync()
    except* OSError as eg:
        sub = eg.subgroup(lambda e: True)
        raise sub.exceptions[-1]  # want: ASYNC123


# Quiet
def chained():
    try:
        work_sync()
    except* ValueError as eg:
        raise RuntimeError("failed") from eg


def plain_except():
    try:
        work_sync()
    except ValueError as e:
        errors = [e]
        raise errors[0]


def group_reraise():
    try:
        work_sync()
    except* ValueError as eg:
        raise eg


async def work():
    raise ValueError


def work_sync():
    raise ValueError
