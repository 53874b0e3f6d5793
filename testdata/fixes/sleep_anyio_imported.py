# fix: ASYNC251
"""An anyio module that names anyio only through `from` imports: `import anyio` is added."""
import time

from anyio import create_task_group


async def main():
    async with create_task_group():
        time.sleep(0.5)
