import asyncio

from svc.ping import ping
from svc.pong import pong


async def main():
    # 6 rallies one after another (0.02 + 0.04 + ...), next to a shorter one.
    a, b = await asyncio.gather(ping(5), pong(2))
    return a + b


if __name__ == "__main__":
    print(asyncio.run(main()))
