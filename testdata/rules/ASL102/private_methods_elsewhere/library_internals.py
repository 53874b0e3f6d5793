# Receivers reached through a private attribute: the project's own
# (threads.py and this module bind them) keep the private method the
# project's coroutine method; one no module binds (`_connector`, `_impl`) is
# another object's internals, a library's, whose `_send_raw` is its own.


class Pool:
    def __init__(self, thread):
        self._thread = thread  # the project binds `_thread`

    async def send(self, data):
        self._thread._send_raw(data)  # want: ASL102

    def drop(self, data):
        holder = getattr(self, "_thread", None)
        holder._send_raw(data)  # want: ASL102


def close_session(session):
    # aiohttp's session: `_connector` is its attribute, never bound here.
    connector = getattr(session, "_connector", None)
    if connector is not None:
        connector._send_raw(b"")  # quiet: a library object's internals
    session._connector._send_raw(b"")  # quiet: likewise, as an attribute path


async def close_inner(client):
    inner = client._impl
    inner._forced_fetch(1)  # quiet: `_impl` is never bound by the project
