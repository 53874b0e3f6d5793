from agents import Runner


class AsyncRunner(Runner):
    async def step(self):
        return None
