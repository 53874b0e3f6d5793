# A plain method awaited through self is not reported when a subclass
# anywhere (impl.py, which core.py does not import) lists a base before
# Core that defines the name otherwise: Impl's MRO runs AsyncFetch.fetch.


class Core:
    def fetch(self):
        return None

    def close(self):
        return None

    def ping(self):
        return True

    async def run(self):
        await self.fetch()  # quiet: Impl(AsyncFetch, Core) takes AsyncFetch.fetch
        await self.close()  # want: ASL110 "Core.close"
        return await self.ping()  # want: ASL110 "Core.ping"
