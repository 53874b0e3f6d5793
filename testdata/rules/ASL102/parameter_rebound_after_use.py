# A coroutine passed to a project function whose parameter is rebound after
# it is used: the uses before the rebinding are the argument's (s3ql's
# `_parse_error_response(resp, self.conn.co_readall())`, which hands `body`
# on to a parser that decodes it, then sets `body = None`).
import asyncio


class Connection:
    async def co_readall(self):
        return b""


def parse_json(resp, body: bytes):
    return body.decode("utf-8")


def parse_error(resp, body: bytes):
    try:
        message = parse_json(resp, body)
    except ValueError:
        return None
    body = None
    return message


def fails(conn: Connection, resp):
    return parse_error(resp, conn.co_readall())  # want: ASL102 "passed to `parse_error\(\)` as `body`, where it is passed to `parse_json\(\)`"


# Quiet: rebound before any use (the argument is never read), or rebound in
# the loop around the use (a later round reads another value).
def replaced(resp, body):
    body = b"{}"
    return body.decode("utf-8")


def per_chunk(chunks, body):
    for chunk in chunks:
        body.decode("utf-8")
        body = chunk
    return body


# Quiet: rebound on one path only, then used: the use after the rebinding
# still sees the argument where the branch is skipped (`if coro is None:
# coro = default()` then schedules it).
def schedule(coro=None):
    if coro is None:
        coro = default()
    return asyncio.ensure_future(coro)


def schedule_falsy(coro):
    if not coro:
        coro = default()
    return asyncio.ensure_future(coro)


async def default():
    return b""


async def callers(conn: Connection, resp, chunks):
    replaced(resp, conn.co_readall())
    per_chunk(chunks, conn.co_readall())
    await schedule(conn.co_readall())
    await schedule_falsy(conn.co_readall())


# Fires: rebound by a statement of the body itself, after the use: later
# uses see only the new value.
def describe(resp, body):
    text = body.decode("utf-8")
    body = None
    return text, body


def logs(conn: Connection, resp):
    return describe(resp, conn.co_readall())  # want: ASL102 "passed to `describe\(\)` as `body`"
