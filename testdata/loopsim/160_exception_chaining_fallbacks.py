# Fallback chain: try the primary, then the mirror, wrapping errors with
# raise ... from; a tuple of exception types in except.
import asyncio


class FetchError(Exception):
    pass


async def primary(path: str) -> str:
    await asyncio.sleep(0.04)
    raise KeyError(path)


async def mirror(path: str) -> str:
    await asyncio.sleep(0.06)
    if path.endswith(".bin"):
        raise ValueError("binary not mirrored")
    return "mirror:" + path


async def fetch(path: str) -> str:
    try:
        return await primary(path)
    except (KeyError, ConnectionError):
        try:
            return await mirror(path)
        except ValueError as exc:
            raise FetchError(path) from exc


async def main():
    out = []
    for path in ["a.txt", "b.bin", "c.txt"]:
        try:
            out.append(await fetch(path))
        except FetchError:
            await asyncio.sleep(0.01)
    print(out)


if __name__ == "__main__":
    asyncio.run(main())
