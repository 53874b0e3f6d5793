package pylib

// gTTS, Google Translate's text-to-speech client (gtts/tts.py, 2.0.3 as
// Debian ships it): `gTTS.write_to_fp` sends one `requests.get` to the TTS
// endpoint per text part and writes the answer to the file object, and
// `gTTS.save` opens the file and calls `write_to_fp`; `stream()` (newer
// releases) yields the answers of the same requests. Constructing a
// `gTTS` sends nothing. Bots call `save` in their handlers.
func init() {
	const gttsAlt = "run it in a thread: `await asyncio.to_thread(...)` (gTTS has no asyncio client)"
	for _, typ := range []string{"gtts.gTTS", "gtts.tts.gTTS"} {
		returns(typ, "gtts.gTTS")
		serviceRequests("ASL202", gttsAlt, typ+".save", typ+".write_to_fp", typ+".stream")
	}
}

// OpenVoiceOS's plugin manager (ovos_plugin_manager/tts.py:
// `load_tts_plugin(module_name: str) -> Type[TTS]`, "The TTS plugin class
// (uninstantiated)"): a plugin class, whose construction makes a TTS
// engine (`ovos_plugin_manager.tts` re-exports the template's TTS). The engine's `synth(sentence, ctxt=None, **kwargs)`
// (templates/tts.py) is synchronous: it "wraps get_tts" and returns the
// audio file's path and phonemes after the plugin has rendered the
// sentence (a cloud plugin's HTTP request, a local model's inference) and
// written it to the cache; `get_tts(sentence, wav_file)` is each plugin's
// rendering itself, and `execute` synthesizes and queues each chunk for
// playback. An async server calling them on the loop holds every request
// for the rendering (ovos-tts-server#140, "Every `async def` endpoint
// called the blocking `tts_engine.synthesize()` directly on the event
// loop", bench/realbugs87). The class returned is recorded as a type of
// its own whose call makes the engine.
func init() {
	const (
		ovosAlt       = "run the synthesis in a thread: `await asyncio.to_thread(...)` (or Starlette's `await run_in_threadpool(...)`)"
		ovosTTS       = "ovos_plugin_manager.templates.tts.TTS"
		ovosTTSPlugin = "ovos_plugin_manager.tts.TTSPluginClass"
	)
	returns("ovos_plugin_manager.tts.load_tts_plugin", ovosTTSPlugin)
	returns(ovosTTSPlugin+".__call__", ovosTTS)
	for _, typ := range []string{ovosTTS, "ovos_plugin_manager.tts.TTS"} {
		returns(typ, ovosTTS)
	}
	serviceRequests("ASL202", ovosAlt, ovosTTS+".synth", ovosTTS+".get_tts", ovosTTS+".execute")
}

// ElevenLabs' module-level API (elevenlabs-python before 1.0,
// elevenlabs/simple.py and utils.py, re-exported by the package: `from
// elevenlabs import generate, play, set_api_key`). `generate(text,
// voice=..., model=..., stream=False)` looks a voice given by name up with
// `voices()` (`Voices.from_api()`, a request) and, without stream=True,
// returns the audio of `TTS.generate(...)`, a POST to the text-to-speech
// endpoint read whole; `voices()` and `clone(**kwargs)` are requests.
// `play(audio)` runs ffplay on the audio and waits for it to end (1.x's
// elevenlabs/play.py keeps it: ffplay or sounddevice), `stream(audio)`
// feeds mpv and waits for it. `set_api_key` only sets an environment
// variable. A voice assistant's `async def generate_speech` calling
// `generate(...)` holds the loop for the whole synthesis (Truxify#5263,
// bench/realbugs104). The 1.x clients' records are in libcov24_clients.go.
func init() {
	const (
		elevenLegacyAlt = "run it in a thread: `await asyncio.to_thread(...)`, or use `elevenlabs.AsyncElevenLabs` (1.x) and await it"
		elevenPlayAlt   = "run it in a thread: `await asyncio.to_thread(...)` (it waits for the player process to end)"
	)
	for _, mod := range []string{"elevenlabs", "elevenlabs.simple"} {
		serviceRequests("ASL202", elevenLegacyAlt, mod+".generate", mod+".voices", mod+".clone")
	}
	for _, mod := range []string{"elevenlabs", "elevenlabs.utils", "elevenlabs.play"} {
		blocking("ASL202", elevenPlayAlt, mod+".play", mod+".stream")
	}
}
