class Core:
    async def fetch(self):
        return 1
