from contextlib import asynccontextmanager

from .servers import log_forever, serve


@asynccontextmanager
async def running(nursery, handler):
    # `serve` takes task_status in another module of the project: startable.
    nursery.start_soon(serve, handler)  # want: ASYNC113
    # `log_forever` has no task_status: nothing to wait for.
    nursery.start_soon(log_forever, handler)
    yield
