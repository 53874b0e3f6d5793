"""The context of an asyncio gRPC servicer method: grpc.aio's
ServicerContext, whose abort, abort_with_status, write, read and
send_initial_metadata are coroutines. The generated servicers give every
method the parameters (self, request, context); the module of the
servicer need not import grpc itself, only protoc's generated `x_pb2_grpc`
module (or be part of a gRPC package): the convention is gRPC's only where
gRPC is used (servicer_shaped_parameters_without_grpc.py stays quiet)."""
import asyncio

import helloworld_pb2_grpc


class GreeterServicer(helloworld_pb2_grpc.GreeterServicer):
    async def SayHello(self, request, context):
        if not request.name:
            context.abort(3, "name is required")  # want: ASL102 "coroutine `context.abort\(\)` is never awaited"
        return {"message": "Hello " + request.name}

    async def ListGreetings(self, request, context):
        for name in request.names:
            context.write({"message": name})  # want: ASL102 "coroutine `context.write\(\)` is never awaited"

    async def Collect(self, request_iterator, context):
        context.send_initial_metadata((("x-id", "1"),))  # want: ASL102 "coroutine `context.send_initial_metadata\(\)` is never awaited"
        async for item in request_iterator:
            print(item)


def call_handler(service, action):
    # A handler made for the asyncio server by a framework's proxy: a
    # closure with the servicer method's parameters.
    async def async_handler(request, context):
        try:
            return await getattr(service, action)(request, context)
        except ValueError as error:
            context.abort(2, str(error))  # want: ASL102 "coroutine `context.abort\(\)` is never awaited"

    return async_handler


# A module-level handler the server is given through a method handler
# (grpc.unary_unary_rpc_method_handler(check)): no call of the project.
async def check(request, context):
    if request.token != "secret":
        context.abort_with_status(object())  # want: ASL102 "coroutine `context.abort_with_status\(\)` is never awaited"
    return {"ok": True}


HANDLERS = {"Check": check}


# Quiet: the same methods awaited, the context's plain methods, and the
# synchronous servicer (grpc's thread-pool server passes a synchronous
# context whose abort raises at once).
class AwaitingServicer:
    async def SayHello(self, request, context):
        if not request.name:
            await context.abort(3, "name is required")
        context.set_code(0)
        context.set_details("ok")
        return {"message": "Hello " + request.name}

    async def ListGreetings(self, request, context):
        await context.send_initial_metadata((("x-id", "1"),))
        for name in request.names:
            await context.write({"message": name})

    async def Collect(self, request_iterator, context):
        first = await context.read()
        print(first, context.invocation_metadata(), context.peer())


class SyncServicer:
    def SayHello(self, request, context):
        if not request.name:
            context.abort(3, "name is required")
        return {"message": "Hello " + request.name}

    def ListGreetings(self, request, context):
        for name in request.names:
            context.write({"message": name})


# Quiet: not gRPC's signature (another parameter after context), and a
# coroutine whose context the project passes itself, a plain object.
class Renderer:
    async def render(self, request, context, template):
        context.write(template)


class PageContext:
    def __init__(self):
        self.parts = []

    def write(self, part):
        self.parts.append(part)


async def render_page(request, context):
    context.write("<h1>" + request + "</h1>")


async def main():
    await render_page("title", PageContext())
    await asyncio.sleep(0)
