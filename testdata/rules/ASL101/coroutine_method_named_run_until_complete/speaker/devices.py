# The project's TalkbackStream (speaker/stream.py) has an `async def
# run_until_complete`; a call the project resolves to it is that coroutine
# method, not the event loop's, awaited or not.
import asyncio

from .stream import TalkbackStream


class Camera:
    talkback_stream: TalkbackStream | None = None

    def __init__(self):
        self.player = TalkbackStream("rtsp://camera/audio")

    async def play(self, url):
        self.talkback_stream = TalkbackStream(url)
        await self.wait_until_audio_completes()

    async def wait_until_audio_completes(self):
        stream = self.talkback_stream
        if stream is None:
            raise RuntimeError("no audio")
        await stream.run_until_complete()

    async def start_player(self):
        done = self.player.run_until_complete()
        return await done

    async def run_on(self, loop):
        return loop.run_until_complete(self.play("x"))  # want: ASL101
