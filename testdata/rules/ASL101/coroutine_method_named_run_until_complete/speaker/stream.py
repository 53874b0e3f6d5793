class TalkbackStream:
    def __init__(self, url):
        self.url = url

    async def run_until_complete(self):
        """Wait until the stream has played to its end."""
        return self.url
