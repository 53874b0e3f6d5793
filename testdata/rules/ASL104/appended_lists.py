# A list bound once to a list display and filled by append/insert/extend
# before asyncio.wait(): the shape of bench/realbugs105's Bilibili helper
# (tasks = []; for medal in medals: tasks.append(self.api.heartbeat(...));
# await asyncio.wait(tasks)), a TypeError since Python 3.11.
import asyncio


class Api:
    async def like(self, room):
        await asyncio.sleep(1)

    async def share(self, room):
        await asyncio.sleep(1)


class Helper:
    def __init__(self, config):
        self.api = Api()
        self.config = config

    async def heartbeat(self, rooms):
        while True:
            tasks = []
            for room in rooms:
                tasks.append(self.api.like(room))
            await asyncio.wait(tasks)  # want: ASL104
            await asyncio.sleep(60)

    async def like_and_share(self, rooms):
        tasks = []
        for room in rooms:
            tasks.append(self.api.like(room)) if self.config["LIKE_CD"] else ...
            tasks.append(self.api.share(room)) if self.config["SHARE_CD"] else ...
        await asyncio.wait(tasks)  # want: ASL104

    async def inserted_and_extended(self, rooms):
        first = []
        first.insert(0, self.api.like(rooms[0]))
        done, _ = await asyncio.wait(first)  # want: ASL104
        rest = []
        rest.extend([self.api.share(r) for r in rooms])
        await asyncio.wait(rest, timeout=5)  # want: ASL104
        return done


# Quiet: the nearest correct code.
class CorrectHelper:
    def __init__(self):
        self.api = Api()

    async def tasks_appended(self, rooms):
        tasks = []
        for room in rooms:
            tasks.append(asyncio.create_task(self.api.like(room)))
        await asyncio.wait(tasks)

    async def gathered(self, rooms):
        coros = []
        for room in rooms:
            coros.append(self.api.like(room))
        await asyncio.gather(*coros)

    async def wrapped_before_wait(self, rooms):
        coros = []
        for room in rooms:
            coros.append(self.api.like(room))
        tasks = [asyncio.ensure_future(c) for c in coros]
        await asyncio.wait(tasks)

    async def rebound(self, rooms):
        pending = []
        for room in rooms:
            pending.append(self.api.like(room))
        pending = [asyncio.create_task(c) for c in pending]
        await asyncio.wait(pending)

    async def appended_after(self, rooms):
        tasks = []
        await asyncio.wait(tasks) if tasks else None
        tasks.append(self.api.like(rooms[0]))
        await asyncio.gather(*tasks)

    async def other_list(self, rooms):
        tasks = []
        coros = []
        for room in rooms:
            coros.append(self.api.like(room))
            tasks.append(asyncio.create_task(self.api.share(room)))
        await asyncio.wait(tasks)
        await asyncio.gather(*coros)
