"""A gRPC handler named check, given to the server as a value: no call of
the project passes its context, so gRPC's convention types it. The other
module's `check(request)` calls a parameter of that name, not this
function: a check of this file alone and of the whole directory agree
(they did not: the file alone took that call as one of this handler's)."""
import helloworld_pb2_grpc


async def check(request, context):
    if request.token != "secret":
        context.abort_with_status(object())  # want: ASL102 "coroutine `context.abort_with_status\(\)` is never awaited: its result is discarded; add `await`$"
    return {"ok": True}


HANDLERS = {"Check": check}
