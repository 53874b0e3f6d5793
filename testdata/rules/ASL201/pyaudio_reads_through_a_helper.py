# A voice agent's audio manager wraps PyAudio; the coroutine that streams
# the microphone to a speech API calls its synchronous read helper, which
# waits on the sound card (a 1024-frame read at 24 kHz: 43 ms) on the loop
# that also receives the model's audio.
import asyncio
import base64
import json

import pyaudio

CHUNK = 1024


class AudioManager:
    def __init__(self):
        self.audio = pyaudio.PyAudio()
        self.input_stream = None
        self.output_stream = None

    def setup_streams(self):
        self.input_stream = self.audio.open(format=pyaudio.paInt16, channels=1, rate=24000, input=True,
                                            frames_per_buffer=CHUNK)
        self.output_stream = self.audio.open(format=pyaudio.paInt16, channels=1, rate=24000, output=True,
                                             frames_per_buffer=CHUNK, stream_callback=self._output_callback)

    def _output_callback(self, in_data, frame_count, time_info, status):
        return (b"\x00" * frame_count * 2, pyaudio.paContinue)

    def read_input_chunk(self):
        if not self.input_stream:
            return None
        return self.input_stream.read(CHUNK, exception_on_overflow=False)

    def is_running(self):
        return self.input_stream.is_active() and self.output_stream.is_active()


class Agent:
    def __init__(self):
        self.audio_manager = AudioManager()
        self.running = True

    async def audio_input_handler(self, websocket):
        while self.running:
            data = self.audio_manager.read_input_chunk()  # want: ASL201
            if data:
                await websocket.send(json.dumps({"type": "input_audio_buffer.append",
                                                 "audio": base64.b64encode(data).decode()}))
            await asyncio.sleep(0.01)

    async def audio_input_off_the_loop(self, websocket):
        # Quiet: the helper runs in a worker thread.
        while self.running:
            data = await asyncio.to_thread(self.audio_manager.read_input_chunk)
            if data:
                await websocket.send(data)

    async def report(self, websocket):
        # Quiet: checking the streams' state does not wait.
        await websocket.send(json.dumps({"type": "status", "running": bool(self.audio_manager.is_running())}))
