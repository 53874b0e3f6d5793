import asyncio

class RetryableError(Exception):
    pass

class FatalError(RetryableError):
    pass

attempts = {"n": 0}

async def op():
    attempts["n"] += 1
    await asyncio.sleep(0.03)
    if attempts["n"] < 3:
        raise RetryableError("again")
    if attempts["n"] == 3:
        raise FatalError("stop")
    return "ok"

async def main():
    for _ in range(5):
        try:
            return await op()
        except FatalError:
            await asyncio.sleep(0.1)
            break
        except RetryableError as e:
            await asyncio.sleep(0.02)
        else:
            pass
        finally:
            await asyncio.sleep(0.005)

if __name__ == "__main__":
    asyncio.run(main())
