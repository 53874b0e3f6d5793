# Dask distributed's `rpc` turns every method call into a coroutine (its
# __getattr__ gives `send_recv_from_rpc`, an `async def`), and `close_rpc`
# and `live_comm` are `async def`s; a Comm's read, write and close are too
# (dask/dask-gateway#588: `self.scheduler_comm.close_rpc()` never awaited).
from distributed.core import rpc


class Cluster:
    def __init__(self, address):
        self.scheduler_address = address
        self.scheduler_comm = None

    async def _start(self):
        self.scheduler_comm = rpc(self.scheduler_address)
        comm = await self.scheduler_comm.live_comm()
        comm.write({"op": "subscribe_worker_status"})  # want: ASL102
        return await comm.read()

    async def _stop(self):
        if self.scheduler_comm is not None:
            self.scheduler_comm.close_rpc()  # want: ASL102

    async def _stop_fixed(self):
        if self.scheduler_comm is not None:
            await self.scheduler_comm.close_rpc()
            self.scheduler_comm.close_comms()


async def identity(address):
    r = rpc(address)
    info = r.identity()  # want: ASL102
    return info


async def identity_awaited(address):
    r = rpc(address)
    try:
        return await r.identity()
    finally:
        await r.close_rpc()
