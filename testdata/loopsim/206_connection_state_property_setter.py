# Connections as an Enum state machine guarded by a property setter (__slots__), opened in a TaskGroup under asyncio.timeout.
import asyncio
import enum
from typing import Dict, List


class State(enum.Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    READY = "ready"
    CLOSED = "closed"


TRANSITIONS: Dict[State, List[State]] = {
    State.IDLE: [State.CONNECTING],
    State.CONNECTING: [State.READY, State.CLOSED],
    State.READY: [State.CLOSED],
}


class Connection:
    __slots__ = ("name", "_state", "history", "ready")

    def __init__(self, name):
        self.name = name
        self._state = State.IDLE
        self.history = [State.IDLE]
        self.ready = asyncio.Event()

    @property
    def state(self):
        return self._state

    @state.setter
    def state(self, new):
        if new not in TRANSITIONS.get(self._state, []):
            raise ValueError(f"{self._state.value} -> {new.value}")
        self._state = new
        self.history.append(new)
        if new is State.READY:
            self.ready.set()

    async def open(self, delay):
        self.state = State.CONNECTING
        await asyncio.sleep(delay)
        self.state = State.READY

    async def close(self):
        await asyncio.sleep(0.005)
        self.state = State.CLOSED


async def use(conn, work):
    await conn.ready.wait()
    for w in work:
        await asyncio.sleep(w)
    return len(work)


async def main():
    conns = {n: Connection(n) for n in ("db", "cache", "queue")}
    delays = dict(zip(conns, (0.03, 0.01, 0.02)))
    async with asyncio.timeout(1):
        async with asyncio.TaskGroup() as tg:
            for name, conn in conns.items():
                tg.create_task(conn.open(delays[name]))
            users = [tg.create_task(use(conns[n], [0.01] * k)) for k, n in enumerate(conns, start=1)]
    done = sum(u.result() for u in users)
    try:
        conns["db"].state = State.CONNECTING
    except ValueError as e:
        msg = str(e)
    await asyncio.gather(*(c.close() for c in conns.values()))
    paths = {c.name: "/".join(s.value for s in c.history) for c in conns.values()}
    await asyncio.sleep(0.01 * done if "ready" in msg else 0)
    print(paths, msg)


if __name__ == "__main__":
    asyncio.run(main())
