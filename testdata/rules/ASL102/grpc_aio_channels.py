import grpc
import grpc.aio
from grpc import aio


class Client:
    def __init__(self, address: str, secure: bool) -> None:
        if secure:
            self._channel = grpc.aio.secure_channel(address, grpc.ssl_channel_credentials())
        else:
            self._channel = grpc.aio.insecure_channel(address)

    async def close(self) -> None:
        if self._channel:
            self._channel.close()  # want: ASL102 "coroutine `self._channel.close\(\)` is never awaited"

    async def aclose(self) -> None:
        await self._channel.close()

    async def ready(self) -> None:
        await self._channel.channel_ready()


async def serve(port: int) -> None:
    server = aio.server()
    server.add_insecure_port(f"[::]:{port}")
    server.start()  # want: ASL102 "coroutine `server.start\(\)` is never awaited"
    await server.wait_for_termination()


async def one_call(address: str) -> None:
    channel = grpc.aio.insecure_channel(address)
    channel.close()  # want: ASL102 "coroutine `channel.close\(\)` is never awaited"
    async with grpc.aio.insecure_channel(address) as other:
        print(other)


# Quiet: the synchronous channel and server of `grpc` itself.
class SyncClient:
    def __init__(self, address: str) -> None:
        self._channel = grpc.insecure_channel(address)

    def close(self) -> None:
        self._channel.close()


def sync_serve() -> None:
    server = grpc.server(None)
    server.start()
    server.wait_for_termination()


async def sync_channel_in_async(address: str) -> None:
    channel = grpc.insecure_channel(address)
    channel.close()
