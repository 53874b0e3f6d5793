# A helper that makes an RPC through a generated stub on a synchronous gRPC
# channel blocks the coroutine that calls it.
import asyncio

import grpc
from helloworld_pb2_grpc import GreeterStub


def _say_hello(name):
    with grpc.insecure_channel("localhost:50051") as channel:
        return GreeterStub(channel).SayHello(name)


async def handler(name):
    return _say_hello(name)  # want: ASL201 "`_say_hello\(\)` blocks the event loop in async function `handler`"


# Quiet: the helper run in a worker thread, and a helper on a grpc.aio channel.
async def handler_in_thread(name):
    return await asyncio.to_thread(_say_hello, name)


async def _say_hello_aio(name):
    async with grpc.aio.insecure_channel("localhost:50051") as channel:
        return await GreeterStub(channel).SayHello(name)


async def handler_aio(name):
    return await _say_hello_aio(name)
