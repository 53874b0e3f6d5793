# An OVOS TTS plugin: load_tts_plugin returns the plugin's class, and the
# engine it makes renders synchronously (synth wraps the plugin's get_tts
# and writes the audio file), so an async server must run it in a thread
# (ovos-tts-server#140).
import asyncio

from ovos_plugin_manager.tts import load_tts_plugin
from starlette.concurrency import run_in_threadpool


class Speech:
    def __init__(self, name):
        plugin = load_tts_plugin(name)
        self.engine = plugin(config={"lang": "en-us"})

    async def say(self, text):
        audio, phonemes = self.engine.synth(text)  # want: ASL202 "run_in_threadpool"
        return audio.path

    async def render(self, text, path):
        self.engine.get_tts(text, path)  # want: ASL202

    # Quiet: in a thread.
    async def say_in_a_thread(self, text):
        audio, _ = await asyncio.to_thread(self.engine.synth, text)
        return audio.path

    async def say_in_the_pool(self, text):
        audio, _ = await run_in_threadpool(self.engine.synth, text)
        return audio.path

    # Quiet: a plain method runs wherever its caller runs it.
    def say_now(self, text):
        return self.engine.synth(text)


async def once(name, text):
    engine = load_tts_plugin(name)(config={})
    return engine.synth(text)  # want: ASL202


# Quiet: loading the plugin's class and making the engine render nothing.
async def prepare(name):
    return load_tts_plugin(name)(config={})
