"""Run a few external commands concurrently, at most two at a time, and
collect their exit codes; one command is killed after a timeout."""
import asyncio


async def run(cmd, limit, timeout):
    async with limit:
        proc = await asyncio.create_subprocess_exec(*cmd)
        try:
            return await asyncio.wait_for(proc.wait(), timeout)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            return "killed"


async def main():
    limit = asyncio.Semaphore(2)
    cmds = [["sleep", "0.1"], ["sleep", "0.2"], ["sleep", "1"], ["sleep", "0.05"]]
    codes = await asyncio.gather(*(run(c, limit, 0.3) for c in cmds))
    print(codes)


if __name__ == "__main__":
    asyncio.run(main())
