# A FastAPI server's wrapper around an OVOS TTS plugin: its synthesize()
# renders synchronously through the plugin, so an async route calling it
# inline holds the loop (ovos-tts-server#140).
from fastapi import FastAPI
from ovos_plugin_manager.tts import load_tts_plugin
from starlette.concurrency import run_in_threadpool


class EngineWrapper:
    def __init__(self, name):
        engine = load_tts_plugin(name)
        self.engine = engine(config={})

    def synthesize(self, utterance, **kwargs):
        audio, phonemes = self.engine.synth(utterance, **kwargs)
        return audio.path, phonemes


def create_app(tts_engine: EngineWrapper) -> FastAPI:
    app = FastAPI()

    @app.get("/synthesize/{utterance}")
    async def synth(utterance: str):
        path, _ = tts_engine.synthesize(utterance)  # want: ASL201
        return path

    # Quiet: in Starlette's thread pool.
    @app.get("/v2/synthesize")
    async def synth_v2(utterance: str):
        path, _ = await run_in_threadpool(tts_engine.synthesize, utterance)
        return path

    # Quiet: FastAPI runs a plain def route in its thread pool.
    @app.get("/v3/synthesize")
    def synth_v3(utterance: str):
        path, _ = tts_engine.synthesize(utterance)
        return path

    return app
