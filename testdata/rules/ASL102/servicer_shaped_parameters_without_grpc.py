# Quiet: a coroutine method whose parameters are named (request, context),
# gRPC's servicer signature, in a project that does not use gRPC: a small
# RPC layer of its own looks handlers up by name (getattr) and hands them
# its own Context, whose write and abort are plain methods. Nothing says
# the context is a grpc.aio.ServicerContext, so its calls are not
# coroutines (review30: a parameter-name convention must not type a
# parameter in code that never imports the library).
import json


class Context:
    def __init__(self, writer):
        self.writer = writer
        self.closed = False

    def write(self, data):
        self.writer.append(json.dumps(data))

    def abort(self, code, message):
        self.closed = True
        self.writer.append(json.dumps({"error": code, "message": message}))


class EchoHandler:
    async def Echo(self, request, context):
        if not request:
            context.abort(400, "empty")
            return
        context.write({"echo": request})


async def Ping(request, context):
    context.write({"pong": request})


async def dispatch(handler, method, request, writer):
    ctx = Context(writer)
    await getattr(handler, method)(request, ctx)


HANDLERS = {"ping": Ping}


# Fires: a context the handler is told is asynchronous (its own annotation).
class AsyncContext:
    async def write(self, data):
        return data


class StreamHandler:
    async def Stream(self, request, context: AsyncContext):
        context.write({"chunk": request})  # want: ASL102 "coroutine `context.write\(\)` is never awaited"
