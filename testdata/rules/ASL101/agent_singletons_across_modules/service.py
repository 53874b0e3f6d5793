# A library object made in another module keeps its type: its synchronous
# entry point starts an event loop of its own, which a coroutine cannot.
from llm.agents_setup import agent, server


class Assistant:
    def __init__(self):
        self.agent = agent

    async def ask(self, question):
        return self.agent.run_sync(question).output  # want: ASL101 "`self\.agent\.run_sync\(\)` called in coroutine `ask` raises RuntimeError.*await `run\(\.\.\.\)` instead"

    async def serve(self):
        server.run()  # want: ASL101 "await `run_stdio_async\(\)`"

    # Quiet: awaited, or from synchronous code.
    async def ask_ok(self, question):
        result = await self.agent.run(question)
        return result.output

    def ask_now(self, question):
        return self.agent.run_sync(question).output


def main():
    print(Assistant().ask_now("hi"))
    server.run()
