import asyncio
import io

from gtts import gTTS


async def speak(text: str, path: str) -> str:
    tts = gTTS(text, lang="en")
    tts.save(path)  # want: ASL202
    return path


async def speak_to_buffer(text: str) -> bytes:
    buf = io.BytesIO()
    gTTS(text).write_to_fp(buf)  # want: ASL202
    return buf.getvalue()


# Quiet: built on the loop, saved in a thread; a plain function.

async def speak_in_thread(text: str, path: str) -> str:
    tts = gTTS(text, lang="en")
    await asyncio.to_thread(tts.save, path)
    return path


def speak_sync(text: str, path: str) -> None:
    gTTS(text).save(path)
