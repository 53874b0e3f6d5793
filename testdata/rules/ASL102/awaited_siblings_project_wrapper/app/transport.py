# A class of the project with the coroutine methods of a websocket
# connection, `send()` and `recv()`, and a synchronous `close()`.


class Channel:
    async def send(self, msg):
        pass

    async def recv(self):
        return b""

    def close(self):
        pass
