import asyncio


class InterceptedCall:
    """grpc.aio's shape: the interceptors run in a task that cancel() cancels."""

    def __init__(self, interceptors_task):
        self._interceptors_task = interceptors_task

    def cancel(self):
        if not self._interceptors_task.done():
            return self._interceptors_task.cancel()
        return False

    # Quiet: the awaited task (its result kept in a name) is one the class
    # cancels, in a return statement of cancel(): the CancelledError is that
    # cancellation, answered as the call's state.
    async def code(self):
        try:
            call = await self._interceptors_task
        except asyncio.CancelledError:
            return "CANCELLED"
        return call.code

    # Quiet: the same, translated into another exception by design.
    async def write(self, request):
        try:
            call = await self._interceptors_task
        except asyncio.CancelledError:
            raise RuntimeError("the call already finished")
        call.write(request)


class Reply:
    def __init__(self, reply_task):
        self._reply_task = reply_task

    # Fires: nothing in the class cancels the task: the CancelledError is
    # the caller's.
    async def code(self):
        try:
            reply = await self._reply_task
        except asyncio.CancelledError:
            return None  # want: ASYNC104 "swallows the cancellation"
        return reply.code


class _StreamRequestMixin:
    # Quiet: the classes that combine this mixin with InterceptedCall cancel
    # the task (InterceptedCall.cancel()).
    async def done_writing(self):
        try:
            call = await self._interceptors_task
        except asyncio.CancelledError:
            raise RuntimeError("the call already finished")
        await call.done_writing()


class InterceptedStreamCall(_StreamRequestMixin, InterceptedCall):
    pass


class _ReplyMixin:
    # Fires: the class that combines this mixin (with Reply) cancels nothing.
    async def wait_reply(self):
        try:
            reply = await self._reply_task
        except asyncio.CancelledError:
            raise RuntimeError("no reply")  # want: ASYNC104 "replaces the cancellation"
        return reply


class ReplyCall(_ReplyMixin, Reply):
    pass
