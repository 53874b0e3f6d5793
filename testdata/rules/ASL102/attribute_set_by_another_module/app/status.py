# An attribute the class itself leaves untyped (`socketio: Any = None`,
# `self._client = None`) takes the type every store of it on an instance of
# exactly this class, outside the class, agrees on (server.py wires the
# Socket.IO server and the Redis client in).
import asyncio
from typing import Any


class StatusReporter:
    def __init__(self, socketio: Any = None) -> None:
        self._socketio = socketio
        self._redis = None
        self._mixed = None
        self._plain = None
        self._only_none = None

    def emit_status(self, name: str, status: str) -> None:
        if self._socketio is None:
            return
        self._socketio.emit("model_status", {"name": name, "status": status})  # want: ASL102 "coroutine `self\._socketio\.emit\(\)` is never awaited"

    def emit_scheduled(self, name: str) -> None:
        asyncio.ensure_future(self._socketio.emit("model_status", {"name": name}))  # want: ASYNC300

    async def cache(self, key: str, value: str) -> None:
        self._redis.set(key, value)  # want: ASL102
        await self._redis.set(key, value)

    async def quiet(self) -> None:
        # The stores of _mixed disagree (an AsyncServer and a plain
        # Server), _plain holds a synchronous client, and _only_none is
        # never given anything but None: nothing is known of them.
        self._mixed.emit("x", {})
        self._plain.emit("x", {})
        self._only_none.emit("x", {})


class SubReporter(StatusReporter):
    pass


class Other:
    def __init__(self) -> None:
        self._socketio = None

    def emit(self) -> None:
        # Stores on a StatusReporter do not type another class's attribute.
        self._socketio.emit("x", {})
