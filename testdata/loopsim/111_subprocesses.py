# asyncio subprocesses running `sleep`, in turn and in parallel, a blocking
# subprocess.run and one in a worker thread -> 0.1 + 0.1 + 0.1 + 0.05 + 0.05
# plus spawn and exit-notice costs: about 0.42 s.
import asyncio, subprocess, sys

async def main():
    p = await asyncio.create_subprocess_exec("sleep", "0.1")
    await p.wait()
    q = await asyncio.create_subprocess_shell("sleep 0.1", stdout=asyncio.subprocess.PIPE)
    out, err = await q.communicate()
    ps = [await asyncio.create_subprocess_exec("sleep", "0.1") for _ in range(4)]
    await asyncio.gather(*(p.wait() for p in ps))
    subprocess.run(["sleep", "0.05"])
    await asyncio.to_thread(subprocess.run, "sleep 0.05", shell=True)

if __name__ == "__main__":
    asyncio.run(main())
