# A coroutine stored where the code declares the coroutine function's own
# result type: `-> Message` and a slot declared `Message`, or a list of
# them, expects the result. Awaited values, slots declared awaitable, and
# functions annotated with a type a coroutine object also is stay quiet.
import asyncio
from typing import Any, Awaitable, TypedDict


class Message(TypedDict):
    role: str
    content: str


class Env:
    history: list[Message]

    def __init__(self, renderer):
        self.renderer = renderer
        self.pending: list[Awaitable[Message]] = []
        self.notes: list[str] = []

    async def _format_msg(self, warn=None) -> Message:
        await asyncio.sleep(0)
        return {"role": "user", "content": warn or ""}

    async def _anything(self) -> Any:
        await asyncio.sleep(0)
        return {}

    async def initial(self):
        sys_msg: Message = {"role": "system", "content": ""}
        user_msg = self._format_msg()  # want: ASL102 "it is stored in `user_msg` and put in `self\.history`, declared `list\[Message\]`, as if it were its `Message` result"
        self.history = [sys_msg, user_msg]
        return self.renderer.build(self.history)

    async def local(self):
        msg: Message = self._format_msg()  # want: ASL102 "stored in `msg`, declared `Message` \(the function's result type\)"
        return msg["content"]

    async def local_list(self):
        # Quiet: a local list handed to code that may await its items (the
        # flow of locals decides, not the declaration).
        msgs: list[Message] = [self._format_msg()]
        return self.renderer.build(msgs)

    async def awaited(self):
        # Quiet: awaited before it is stored.
        user_msg = await self._format_msg()
        self.history = [user_msg]

    async def awaited_later(self):
        # Quiet: the declared local is awaited (the annotation is wrong, the code is not).
        msg: Message = self._format_msg()
        return await msg

    async def gathered(self):
        # Quiet: a list declared as `Message`s but gathered.
        msgs: list[Message] = [self._format_msg(), self._format_msg()]
        return await asyncio.gather(*msgs)

    async def queued(self):
        # Quiet: the slot is declared to hold awaitables.
        self.pending = [self._format_msg()]

    async def untyped_result(self):
        # Quiet: `-> Any` says nothing the slot could contradict.
        self.history = [self._anything()]
