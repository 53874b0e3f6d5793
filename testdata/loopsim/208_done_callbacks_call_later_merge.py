# Jobs tracked by done callbacks (functools.partial), a loop.call_later future, asyncio.wait with a timeout, dict merges and a walrus countdown.
import asyncio
import functools


class JobTracker:
    def __init__(self):
        self.finished = {}
        self.failed = set()

    def on_done(self, label, task):
        if task.cancelled():
            self.failed.add(label)
        elif task.exception() is not None:
            self.failed.add(label)
        else:
            self.finished[label] = task.result()


async def job(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError("boom")
    return seconds * 1000


async def main():
    loop = asyncio.get_running_loop()
    tracker = JobTracker()
    specs = {"fast": (0.01, False), "slow": (0.08, False), "bad": (0.03, True), "mid": (0.05, False)}
    tasks = []
    for label, (secs, fail) in specs.items():
        t = asyncio.create_task(job(secs, fail), name=f"job-{label}")
        t.add_done_callback(functools.partial(tracker.on_done, label))
        tasks.append(t)
    fut = loop.create_future()
    loop.call_later(0.04, fut.set_result, "tick")
    done, pending = await asyncio.wait(tasks, timeout=0.06, return_when=asyncio.ALL_COMPLETED)
    tick = await fut
    for t in pending:
        print("cancel", t.get_name())
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    merged = {"tick": tick} | {k: v for k, v in sorted(tracker.finished.items())}
    extra = len(merged) + len(tracker.failed)
    while (extra := extra - 1) > 0:
        await asyncio.sleep(0.005)
    print(merged, sorted(tracker.failed), [t.get_name() for t in done])


if __name__ == "__main__":
    asyncio.run(main())
