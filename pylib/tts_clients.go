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
