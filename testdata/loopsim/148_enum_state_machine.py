# An order moves through states; each state's dwell time comes from an Enum.
import asyncio
import enum


class State(enum.Enum):
    NEW = 0.02
    PAID = 0.05
    SHIPPED = 0.1
    DONE = 0.0


NEXT = {State.NEW: State.PAID, State.PAID: State.SHIPPED, State.SHIPPED: State.DONE}


async def advance(order_id: int) -> State:
    state = State.NEW
    while state is not State.DONE:
        await asyncio.sleep(state.value)
        state = NEXT[state]
    return state


async def main():
    await advance(1)
    await asyncio.gather(advance(2), advance(3))


if __name__ == "__main__":
    asyncio.run(main())
