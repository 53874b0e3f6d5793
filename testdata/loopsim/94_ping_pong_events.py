import asyncio

async def player(name, my_turn, other_turn, rounds):
    for _ in range(rounds):
        await my_turn.wait()
        my_turn.clear()
        await asyncio.sleep(0.02)
        other_turn.set()

async def main():
    ping, pong = asyncio.Event(), asyncio.Event()
    ping.set()
    await asyncio.gather(player("ping", ping, pong, 4), player("pong", pong, ping, 4))

if __name__ == "__main__":
    asyncio.run(main())
