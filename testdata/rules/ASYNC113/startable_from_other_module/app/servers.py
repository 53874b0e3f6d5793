import trio


async def serve(handler, *, task_status=trio.TASK_STATUS_IGNORED):
    task_status.started()
    await trio.sleep_forever()


async def log_forever(handler):
    await trio.sleep_forever()
