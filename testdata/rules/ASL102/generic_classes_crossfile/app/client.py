class Client:
    async def fetch(self):
        pass

    def size(self):
        return 0
