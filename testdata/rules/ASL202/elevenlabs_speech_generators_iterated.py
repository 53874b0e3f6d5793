# The sync ElevenLabs client's text_to_speech.convert() and .stream() return
# a generator that sends the request and streams the audio as it is
# iterated: it blocks where the result is iterated in place (a for loop,
# list(), a literal's join), and only there (openclaw-voice#13).
import asyncio

from elevenlabs import ElevenLabs
from elevenlabs.client import AsyncElevenLabs


class Speaker:
    def __init__(self, key):
        self.client = None
        if key:
            self.client = ElevenLabs(api_key=key)

    async def speak(self, text):
        audio = self.client.text_to_speech.convert(voice_id="v", text=text)  # want: ASL202 "AsyncElevenLabs"
        return b"".join(audio)

    async def stream(self, text):
        for chunk in self.client.text_to_speech.stream(voice_id="v", text=text):  # want: ASL202
            yield chunk

    async def joined_in_place(self, text):
        return b"".join(self.client.text_to_speech.convert(voice_id="v", text=text))  # want: ASL202

    async def kept_as_a_list(self, text):
        chunks = self.client.text_to_speech.stream(voice_id="v", text=text)  # want: ASL202
        return list(chunks)

    # Quiet: the generator is only made here, and iterated in a thread.
    async def in_a_thread(self, text):
        audio = self.client.text_to_speech.convert(voice_id="v", text=text)
        return await asyncio.to_thread(b"".join, audio)

    # Quiet: handed back to the caller, who decides where to iterate it.
    async def for_later(self, text):
        return self.client.text_to_speech.convert(voice_id="v", text=text)

    # Quiet: the whole request in a helper that a thread runs.
    def _convert_sync(self, text):
        return b"".join(self.client.text_to_speech.convert(voice_id="v", text=text))

    async def offloaded(self, text):
        return await asyncio.to_thread(self._convert_sync, text)


# Quiet: the async client's convert is an async generator.
async def async_client(text):
    client = AsyncElevenLabs(api_key="k")
    return b"".join([c async for c in client.text_to_speech.convert(voice_id="v", text=text)])


# Quiet: a join of plain strings iterates nothing that blocks.
async def titles(names):
    return ", ".join(name.title() for name in names)


SEPARATOR = b""


# A separator held in a name bound only to a literal, or a parameter
# annotated bytes, joins as the literal does.
class NamedSeparators:
    def __init__(self, key):
        self.client = ElevenLabs(api_key=key)

    async def joined_by_local(self, text):
        sep = b""
        return sep.join(self.client.text_to_speech.convert(voice_id="v", text=text))  # want: ASL202

    async def joined_by_constant(self, text):
        audio = self.client.text_to_speech.convert(voice_id="v", text=text)  # want: ASL202
        return SEPARATOR.join(audio)

    async def joined_by_parameter(self, text, sep: bytes = b""):
        return sep.join(self.client.text_to_speech.convert(voice_id="v", text=text))  # want: ASL202

    # Quiet: a receiver of unknown type (a parameter without annotation, a
    # name also bound to something else) may not be a str or bytes.
    async def joined_by_unknown(self, text, sep):
        audio = self.client.text_to_speech.convert(voice_id="v", text=text)
        return sep.join(audio)

    async def joined_by_rebound(self, text, other):
        sep = b""
        if other:
            sep = other
        audio = self.client.text_to_speech.convert(voice_id="v", text=text)
        return sep.join(audio)
