# PyAudio's blocking stream I/O: `read(n)` waits until the sound card has
# captured n frames, `write(frames)` until the output buffer has room
# (pyaudio/__init__.py, "Stream blocking I/O"). A stream opened with a
# stream_callback is read by PyAudio's own thread and never read or
# written by the program.
import asyncio

import pyaudio

CHUNK = 1024


async def record(seconds):
    pa = pyaudio.PyAudio()
    stream = pa.open(format=pyaudio.paInt16, channels=1, rate=24000, input=True, frames_per_buffer=CHUNK)
    frames = []
    for _ in range(int(24000 / CHUNK * seconds)):
        frames.append(stream.read(CHUNK, exception_on_overflow=False))  # want: ASL202
    stream.close()
    return b"".join(frames)


async def play(pa: pyaudio.PyAudio, audio: bytes):
    out = pa.open(format=pyaudio.paInt16, channels=1, rate=24000, output=True)
    out.write(audio)  # want: ASL202


async def record_off_the_loop(seconds):
    # Quiet: the read runs in a worker thread.
    pa = pyaudio.PyAudio()
    stream = pa.open(format=pyaudio.paInt16, channels=1, rate=24000, input=True)
    return await asyncio.to_thread(stream.read, int(24000 * seconds))


async def callback_mode(queue: asyncio.Queue, done: asyncio.Event):
    # Quiet: PyAudio calls the callback from its own thread; the coroutine
    # only starts, checks and stops the stream.
    loop = asyncio.get_running_loop()

    def on_audio(in_data, frame_count, time_info, status):
        loop.call_soon_threadsafe(queue.put_nowait, in_data)
        return (None, pyaudio.paContinue)

    pa = pyaudio.PyAudio()
    stream = pa.open(format=pyaudio.paInt16, channels=1, rate=16000, input=True, stream_callback=on_audio)
    stream.start_stream()
    await done.wait()
    if stream.is_active():
        stream.stop_stream()
    stream.close()
    pa.terminate()


def record_sync(seconds):
    # Quiet: a plain function that no coroutine calls.
    pa = pyaudio.PyAudio()
    stream = pa.open(format=pyaudio.paInt16, channels=1, rate=16000, input=True)
    return stream.read(int(16000 * seconds))
