# A stub that protoc generated (`XStub` of a `*_pb2_grpc` module) around a
# synchronous gRPC channel makes each RPC on the calling thread: in a
# coroutine the loop waits for the response (or, for a server stream, for
# each message of the `for` over it). Tracecat's Velociraptor action did
# this until it moved to grpc.aio (bench/realbugs103).
import asyncio

import grpc
from helloworld_pb2_grpc import GreeterStub
import route_guide_pb2_grpc


async def say_hello(name):
    with grpc.insecure_channel("localhost:50051") as channel:
        stub = GreeterStub(channel)
        return stub.SayHello(name)  # want: ASL202 "`stub.SayHello\(\)` \(helloworld_pb2_grpc.GreeterStub.SayHello\) blocks the event loop in async function `say_hello`; it is a gRPC call over a synchronous channel"


async def list_features(rect, creds):
    channel = grpc.secure_channel("routes:443", creds)
    stub = route_guide_pb2_grpc.RouteGuideStub(channel)
    features = []
    for feature in stub.ListFeatures(rect):  # want: ASL202
        features.append(feature)
    return features


async def intercepted(name, interceptor):
    stub = GreeterStub(grpc.intercept_channel(grpc.insecure_channel("localhost:50051"), interceptor))
    return stub.SayHello(name)  # want: ASL202


class GreeterClient:
    def __init__(self, target):
        self._channel = grpc.insecure_channel(target)
        self._stub = GreeterStub(self._channel)

    async def greet(self, name):
        return self._stub.SayHello(name)  # want: ASL202

    def greet_sync(self, name):
        return self._stub.SayHello(name)


# Quiet: grpc.aio channels (their stubs' calls are awaited), the call made
# in a worker thread, `.future(...)`, a channel of unknown origin, and
# synchronous code.
async def say_hello_aio(name):
    async with grpc.aio.insecure_channel("localhost:50051") as channel:
        stub = GreeterStub(channel)
        return await stub.SayHello(name)


async def list_features_aio(rect):
    async with grpc.aio.insecure_channel("routes:50051") as channel:
        stub = route_guide_pb2_grpc.RouteGuideStub(channel)
        return [feature async for feature in stub.ListFeatures(rect)]


async def say_hello_in_thread(name):
    with grpc.insecure_channel("localhost:50051") as channel:
        stub = GreeterStub(channel)
        return await asyncio.to_thread(stub.SayHello, name)


async def say_hello_future(name):
    channel = grpc.insecure_channel("localhost:50051")
    stub = GreeterStub(channel)
    return stub.SayHello.future(name)


async def say_hello_on(channel, name):
    stub = GreeterStub(channel)
    return stub.SayHello(name)


def say_hello_sync(name):
    with grpc.insecure_channel("localhost:50051") as channel:
        return GreeterStub(channel).SayHello(name)
