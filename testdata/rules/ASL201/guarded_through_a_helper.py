# A coroutine that waits until a thread-side queue has an item, then calls
# a method of its class that takes it: the helper's get() cannot wait, as
# the same get() written after the loop would not (ASL202's readiness
# guards). Without the wait, or with the test the wrong way round, the
# helper's get() blocks the loop and is reported.
import asyncio
import queue


class Results:
    def __init__(self):
        self.queue = queue.Queue()
        self.condition = asyncio.Condition()

    def _get_and_raise(self):
        res = self.queue.get()
        if isinstance(res, Exception):
            raise res
        return res

    async def __anext__(self):
        while self.queue.empty():
            async with self.condition:
                await self.condition.wait()
        return self._get_and_raise()

    async def next_if_ready(self):
        if not self.queue.empty():
            return self._get_and_raise()
        return None

    async def next_blocking(self):
        return self._get_and_raise()  # want: ASL201

    async def next_when_empty(self):
        if self.queue.empty():
            return self._get_and_raise()  # want: ASL201
        return None


# The check written as an early exit in the helper itself (corpus 17's
# MoveQueue.dequeue_oldest_move: `if self.moveQueue.empty(): return "UP"`,
# then `self.moveQueue.get()`), reached through a dict filled one value at
# a time: the get() cannot wait. The helper that puts into a bounded queue
# can.
class MoveQueue:
    def __init__(self):
        self.moves = queue.Queue(100)

    def add_move(self, move):
        self.moves.put(move)

    def oldest_move(self):
        if self.moves.empty():
            return "UP"
        return self.moves.get()


queues = {}


def register(team):
    queues[team] = MoveQueue()


async def handle(team, move):
    queues[team].add_move(move)  # want: ASL201


async def tick():
    for team in queues:
        print(queues[team].oldest_move())  # quiet: the helper returns before get() on an empty queue

