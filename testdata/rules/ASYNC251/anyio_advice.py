import time

from anyio import create_task_group


async def main():
    async with create_task_group():
        time.sleep(1)  # want: ASYNC251 "use `await anyio\.sleep\(\.\.\.\)`$"
