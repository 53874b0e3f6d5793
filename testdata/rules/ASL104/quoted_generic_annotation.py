# A forward-reference annotation with the generic's arguments inside the
# quotes, `List['asyncio.Queue[Task]']`: its items are asyncio queues, whose
# get() is a coroutine (bench/realbugs105's Bilibili live-chat server).
import asyncio
import dataclasses
from typing import List


@dataclasses.dataclass
class Task:
    text: str


_task_queues: List['asyncio.Queue[Task]'] = []


async def pop_task():
    done, pending = await asyncio.wait(
        [queue.get() for queue in _task_queues],  # want: ASL104
        return_when=asyncio.FIRST_COMPLETED,
    )
    for future in pending:
        future.cancel()
    return done


async def drain(queue: 'asyncio.Queue[Task]'):
    await asyncio.wait([queue.get()])  # want: ASL104


# Quiet: the nearest correct code, and typing's own forms in quotes.
async def pop_task_fixed():
    done, pending = await asyncio.wait(
        [asyncio.create_task(queue.get()) for queue in _task_queues],
        return_when=asyncio.FIRST_COMPLETED,
    )
    for future in pending:
        future.cancel()
    return done


async def sizes(groups: 'List[asyncio.Queue[Task]]', names: 'dict[str, Task]'):
    return [len(g) for g in groups], list(names)
