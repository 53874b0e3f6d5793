# FastMCP's run() is the synchronous entry point: it starts its own loop with
# anyio.run, which refuses to start inside a running one; anyio.run itself too.
import anyio
from fastmcp import FastMCP
from mcp.server.fastmcp import FastMCP as SdkServer


class MemoryServer:
    def __init__(self):
        self.mcp = FastMCP(name="memory")

    async def initialize(self):
        pass


async def serve_fastmcp():
    server = MemoryServer()
    await server.initialize()
    await server.mcp.run()  # want: ASL101 "`server\.mcp\.run\(\)` called in coroutine `serve_fastmcp` raises RuntimeError.*await `run_async\(\)` instead"


async def serve_sdk():
    sdk = SdkServer("tools")
    sdk.run()  # want: ASL101 "await `run_stdio_async\(\)`"


async def nested_anyio():
    anyio.run(serve_sdk)  # want: ASL101 "`anyio\.run\(\)` called in coroutine"


def start(server):
    server.mcp.run()


async def through_a_helper():
    start(MemoryServer())  # want: ASL101 "reaches `server\.mcp\.run\(\)`"


# Quiet: the coroutine forms awaited, run() from synchronous code, and a
# project class whose own run() is no server's.
async def serve_properly():
    server = MemoryServer()
    await server.mcp.run_async()
    await SdkServer("tools").run_stdio_async()


class Job:
    def run(self):
        return 1


async def run_job():
    Job().run()


def main():
    MemoryServer().mcp.run()
    anyio.run(serve_properly)


if __name__ == "__main__":
    main()
