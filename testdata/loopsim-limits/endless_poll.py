# expect: budget steps: in poll at line 6, likely a loop whose exit depends on not state[...] (line 6)
import asyncio


async def poll(state):
    while not state["ready"]:
        state["polls"] += 1


async def main():
    await poll({"ready": False, "polls": 0})
    await asyncio.sleep(1)
