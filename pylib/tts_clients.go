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
