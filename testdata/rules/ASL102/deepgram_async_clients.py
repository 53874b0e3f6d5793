from deepgram import DeepgramClient, LiveOptions, LiveTranscriptionEvents


class STTService:
    def __init__(self, key: str):
        self.client = DeepgramClient(key)
        self.connection = None

    async def start(self, on_message) -> None:
        self.connection = self.client.listen.asyncwebsocket.v("1")
        self.connection.on(LiveTranscriptionEvents.Transcript, on_message)
        if not await self.connection.start(LiveOptions(model="nova-2")):
            raise RuntimeError("no connection")

    async def send_audio(self, chunk: bytes) -> None:
        self.connection.send(chunk)  # want: ASL102 "coroutine `self.connection.send\(\)` is never awaited"

    async def stop(self) -> None:
        self.connection.finish()  # want: ASL102 "coroutine `self.connection.finish\(\)` is never awaited"


async def transcribe(key: str, url: str) -> str:
    rest = DeepgramClient(key).listen.asyncrest.v("1")
    response = rest.transcribe_url({"url": url})  # want: ASL102 "coroutine `rest.transcribe_url\(\)` is never awaited: it is stored in `response`"
    return response.results.channels[0].alternatives[0].transcript


# Quiet: awaited, and the synchronous handler registration and clients.
class AwaitedSTT:
    def __init__(self, key: str):
        self.client = DeepgramClient(key)
        self.connection = self.client.listen.asyncwebsocket.v("1")

    async def run(self, chunks, on_message) -> None:
        self.connection.on(LiveTranscriptionEvents.Transcript, on_message)
        await self.connection.start(LiveOptions(model="nova-2"))
        for chunk in chunks:
            await self.connection.send(chunk)
        await self.connection.finish()


def transcribe_sync(key: str, url: str):
    sync_client = DeepgramClient(key).listen.rest.v("1")
    return sync_client.transcribe_url({"url": url})
