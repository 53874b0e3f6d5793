# Ray's `ray.get` and `ray.wait` block until remote results are ready; in a
# coroutine (an async actor's method, a driver's `async def`) they block
# the event loop (Ray warns "Using blocking ray.get inside async actor").
# An ObjectRef is awaitable: `await ref`, `await asyncio.gather(*refs)`.
import asyncio

import ray


@ray.remote
class Runner:
    def __init__(self, env):
        self.env = env

    async def run(self):
        stats = ray.get(self.env.get_stats.remote())  # want: ASL202
        ready, _ = ray.wait([self.env.step.remote()])  # want: ASL202
        return stats, ready

    async def run_awaited(self):
        stats = await self.env.get_stats.remote()
        results = await asyncio.gather(*[self.env.step.remote() for _ in range(3)])
        return stats, results

    async def poll(self, ref):
        # A zero timeout does not wait: it raises GetTimeoutError at once.
        return ray.get(ref, timeout=0)

    def sync_method(self):
        return ray.get(self.env.get_stats.remote())


def stats_of(env):
    return ray.get(env.get_stats.remote())


async def driver(env):
    return stats_of(env)  # want: ASL201
