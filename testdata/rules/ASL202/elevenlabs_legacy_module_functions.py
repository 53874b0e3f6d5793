# ElevenLabs' module-level API before 1.0 (`from elevenlabs import generate,
# play`): generate() looks a named voice up and POSTs the text, read whole;
# voices() and clone() are requests; play() and stream() run a player
# process and wait for it (Truxify#5263, bench/realbugs104).
import asyncio

import elevenlabs
from elevenlabs import generate, play, set_api_key, voices
from elevenlabs import stream as play_stream


class VoiceService:
    def __init__(self, key):
        set_api_key(key)

    async def generate_speech(self, text, voice_profile):
        audio = generate(  # want: ASL202 "asyncio.to_thread"
            text=text,
            voice=voice_profile,
            model="eleven_monolingual_v1",
        )
        return audio

    async def speak(self, text):
        audio = elevenlabs.generate(text=text, voice="Bella")  # want: ASL202
        play(audio)  # want: ASL202 "player process"

    async def speak_streamed(self, text):
        play_stream(generate(text=text, voice="Bella", stream=True))  # want: ASL202, ASL202

    async def list_voices(self):
        return [v.name for v in voices()]  # want: ASL202

    # Quiet: the same calls in a thread, in the loop's executor, or in a
    # synchronous function.
    async def in_a_thread(self, text):
        return await asyncio.to_thread(generate, text=text, voice="Bella")

    async def in_the_executor(self, text, voice_profile):
        loop = asyncio.get_event_loop()
        return await loop.run_in_executor(
            None,
            lambda: generate(text=text, voice=voice_profile, model="eleven_monolingual_v1"),
        )

    def speak_sync(self, text):
        play(generate(text=text, voice="Bella"))

    # Quiet: setting the key only sets an environment variable.
    async def configure(self, key):
        set_api_key(key)
