import asyncio


async def download(url):
    await asyncio.sleep(0.1)
    return url


# Quiet: the function waits for the event the task's done callback sets, so
# its local keeps the task until the task has finished.
async def download_and_log(url, log):
    task = asyncio.ensure_future(download(url))
    finished = asyncio.Event()
    task.add_done_callback(lambda _: finished.set())
    log.info("downloading %s", url)
    await finished.wait()


async def download_with_deadline(url, seconds):
    task = asyncio.ensure_future(download(url))
    finished = asyncio.Event()
    task.add_done_callback(lambda _: finished.set())
    await asyncio.wait_for(finished.wait(), seconds)


async def download_into_future(url):
    loop = asyncio.get_running_loop()
    result = loop.create_future()
    task = asyncio.create_task(download(url))
    task.add_done_callback(lambda t: result.set_result(t.result()))
    return await result


# Fires: the event is set when the task ends, but nothing waits for it.
async def start_download(url, finished: asyncio.Event):
    task = asyncio.create_task(download(url))  # want: ASL301
    task.add_done_callback(lambda _: finished.set())
    await asyncio.sleep(0)
