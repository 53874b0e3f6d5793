# A call in the branch of an `iscoroutinefunction(f)` test that calls f
# plainly runs only when f is a plain function: the code awaits f when it
# is a coroutine function and supports a synchronous override or plug-in by
# design (google-auth's async `before_request` falls back to a synchronous
# subclass's `refresh`), as ASL102 reads the same test. The same call
# without the test is reported.
import asyncio
import inspect

from google.auth import credentials


class Credentials(credentials.Credentials):
    async def before_request(self, request, method, url, headers):
        if not self.valid:
            if inspect.iscoroutinefunction(self.refresh):
                await self.refresh(request)
            else:
                self.refresh(request)  # quiet: only a synchronous refresh runs here
        self.apply(headers)

    async def conditional(self, request):
        return await self.refresh(request) if asyncio.iscoroutinefunction(self.refresh) else self.refresh(request)  # quiet

    async def always(self, request):
        self.refresh(request)  # want: ASL202

    async def tests_another(self, request, hook):
        if inspect.iscoroutinefunction(hook):
            await hook()
        else:
            self.refresh(request)  # want: ASL202
