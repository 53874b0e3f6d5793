import asyncio


class Scheduler:
    def __init__(self, tournaments):
        self.tournaments = tournaments

    async def advance(self):
        from sheets import get_sheets
        by_name = {}
        for t in self.tournaments:
            by_name[t["name"]] = get_sheets(t["url"], force_refresh=False)  # want: ASL201
        return by_name

    async def advance_in_threads(self):
        from sheets import get_sheets
        by_name = {}
        for t in self.tournaments:
            by_name[t["name"]] = await asyncio.to_thread(get_sheets, t["url"], force_refresh=False)
        return by_name

    async def peek(self):
        from sheets import cached_only
        return [cached_only(t["url"]) for t in self.tournaments]

    def advance_sync(self):
        from sheets import get_sheets
        return [get_sheets(t["url"]) for t in self.tournaments]
