# A base class whose method builds its context manager from a class
# attribute that a subclass in another module overrides.


class capture_span:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class async_capture_span(capture_span):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class Instrumentation:
    capture_span_ctx = capture_span

    def _call(self, name):
        return self.capture_span_ctx(name)
