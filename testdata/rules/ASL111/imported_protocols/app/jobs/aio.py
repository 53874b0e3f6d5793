from app.spans import Instrumentation, async_capture_span


class AioInstrumentation(Instrumentation):
    capture_span_ctx = async_capture_span

    async def call(self, wrapped):
        # What the base's method returns depends on the class of self, which
        # here makes an asynchronous manager: not followed, quiet.
        ctx = self._call("op")
        async with ctx as span:
            return await wrapped(span)
