import asyncio


async def query_loop(writer, interval):
    while True:
        writer.write(b"q")
        await asyncio.sleep(interval)


# A CLI's query command: the writer task is held in a local, and the function
# then reads forever. It never returns, so the frame keeps the task alive for
# as long as the read loop runs; only an exception ends both.
async def direct_query(host, interval):
    reader, writer = await asyncio.open_connection(host, 31415)
    _ = asyncio.create_task(query_loop(writer, interval))
    while True:
        buf = await reader.readuntil(b"\xc0")
        if len(buf) == 1:
            continue
        for b in buf:
            if b == 0:
                break  # leaves the inner loop only
        print(buf)


async def under_try(host):
    reader, writer = await asyncio.open_connection(host, 31415)
    try:
        task = asyncio.create_task(query_loop(writer, 1))
        while 1:
            print(await reader.read(100))
    finally:
        writer.close()


# The read loop can end: the function returns and drops the task.
async def read_until_eof(host, interval):
    reader, writer = await asyncio.open_connection(host, 31415)
    task = asyncio.create_task(query_loop(writer, interval))  # want: ASL301 "which dies when `read_until_eof` returns"
    while True:
        buf = await reader.read(100)
        if not buf:
            break
        print(buf)


async def read_or_return(host, interval):
    reader, writer = await asyncio.open_connection(host, 31415)
    task = asyncio.create_task(query_loop(writer, interval))  # want: ASL301
    while True:
        buf = await reader.read(100)
        if not buf:
            return
        print(buf)


# Started in a loop: each iteration rebinds the local and drops the task
# before it, whatever follows.
async def start_many(hosts):
    for host in hosts:
        reader, writer = await asyncio.open_connection(host, 31415)
        task = asyncio.create_task(query_loop(writer, 1))  # want: ASL301
    while True:
        await asyncio.sleep(1)


# An async generator's consumer may drop it at any yield.
async def watch(host):
    reader, writer = await asyncio.open_connection(host, 31415)
    task = asyncio.create_task(query_loop(writer, 1))  # want: ASL301
    while True:
        yield await reader.read(100)


# A plain condition may end the loop.
async def until_stopped(host, state):
    reader, writer = await asyncio.open_connection(host, 31415)
    task = asyncio.create_task(query_loop(writer, 1))  # want: ASL301
    while state.running:
        print(await reader.read(100))
