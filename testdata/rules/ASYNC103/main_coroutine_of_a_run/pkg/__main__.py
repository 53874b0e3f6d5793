# A demo CLI (`python -m pkg`): main() runs only as asyncio.run's main task,
# which nobody else awaits; its module is run, not imported.
import asyncio


async def poll():
    await asyncio.sleep(1)


async def main(host):
    try:
        while True:
            await asyncio.sleep(1)
    except asyncio.CancelledError:  # quiet: Ctrl-C ends the run; asyncio.run still raises KeyboardInterrupt
        pass
    finally:
        print("closing", host)


async def keeps_polling():
    while True:
        try:
            await poll()
        except asyncio.CancelledError:  # want: ASYNC103 (the loop goes on after the handler)
            pass


async def awaited_elsewhere():
    try:
        await poll()
    except asyncio.CancelledError:  # want: ASYNC103 (main2 awaits it: its caller sees it end normally)
        pass


async def main2():
    await awaited_elsewhere()
    await keeps_polling()


if __name__ == "__main__":
    asyncio.run(main("localhost"))
    asyncio.run(main2())
    asyncio.run(keeps_polling())
