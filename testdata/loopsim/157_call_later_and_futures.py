# loop.call_later sets an Event and resolves a Future; sleep(result=...)
# hands a value back.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    fut = loop.create_future()
    loop.call_later(0.08, ready.set)
    loop.call_later(0.15, fut.set_result, "payload")
    await ready.wait()
    value = await asyncio.sleep(0.02, result="tick")
    payload = await fut
    await asyncio.sleep(len(payload) / 100)
    print(value, payload)


if __name__ == "__main__":
    asyncio.run(main())
