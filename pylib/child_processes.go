package pylib

// Libraries whose calls run an external program and wait for it: the call
// is a subprocess.run in disguise, so it holds the event loop for the whole
// conversion or rendering. Filed with ASYNC221 (a process run and waited
// for); the rule's Notes say so.
//
// pydub (pydub/audio_segment.py, 0.24.1 as Debian ships it and 0.25.1):
// `AudioSegment.from_file` builds an ffmpeg command and runs
// `subprocess.Popen(conversion_command, ...).communicate(input=...)`
// for every format but wav and raw (read from the file directly);
// `from_mp3`, `from_ogg` and `from_flv` are `from_file` with the format
// set; `from_file_using_temporary_files` runs ffmpeg the same way; and
// `AudioSegment.export` runs `subprocess.Popen(conversion_command, ...)`
// then `p.communicate()` for every format but wav and raw (the default
// format is mp3). Voice-message bots call them in their handlers.
//
// graphviz (graphviz/backend/execute.py, "Run subprocesses with
// subprocess.run() and subprocess.Popen()", 0.20.1 as Debian ships it):
// `render()`, `pipe()`, `unflatten()` and `view()` of a `Graph`,
// `Digraph` or `Source` (graphviz/rendering.py, piping.py,
// unflattening.py) and the module functions `graphviz.render`,
// `graphviz.pipe`, `graphviz.unflatten` run the Graphviz executable
// through `execute.run_check`, which calls `subprocess.run` (`view()` opens
// the viewer). Building the graph (`node`, `edge`, `attr`, `source`) runs
// nothing.
//
// pdf2image (Belval/pdf2image, pdf2image/pdf2image.py, "a light wrapper for
// the poppler-utils tools"): `convert_from_path` runs `pdfinfo` and then
// `pdftoppm` (or `pdftocairo`) with `Popen(...)` and waits with
// `proc.communicate()`; `convert_from_bytes` writes the bytes to a temporary
// file and calls `convert_from_path`; `pdfinfo_from_path` and
// `pdfinfo_from_bytes` run `pdfinfo` the same way.
//
// pytesseract (madmaze/pytesseract, pytesseract/pytesseract.py):
// `image_to_string`, `image_to_boxes`, `image_to_data`, `image_to_osd`,
// `image_to_pdf_or_hocr` and `image_to_alto_xml` save the image to a
// temporary file and call `run_tesseract`, which starts the tesseract
// executable with `subprocess.Popen(...)` and waits for it (its
// `timeout_manager`), then read the output file.
const (
	ffmpegAlt   = "run the conversion in a thread: `await asyncio.to_thread(...)` (or run ffmpeg with `asyncio.create_subprocess_exec`)"
	graphvizAlt = "render in a thread: `await asyncio.to_thread(...)` (or run `dot` with `asyncio.create_subprocess_exec`)"
	popplerAlt  = "convert in a thread: `await asyncio.to_thread(...)` (or run pdftoppm with `asyncio.create_subprocess_exec`)"
	ocrAlt      = "run the OCR in a thread: `await asyncio.to_thread(...)` (or run tesseract with `asyncio.create_subprocess_exec`)"
)

func init() {
	for _, seg := range []string{"pydub.AudioSegment", "pydub.audio_segment.AudioSegment"} {
		for _, m := range []string{"from_file", "from_mp3", "from_ogg", "from_flv", "from_file_using_temporary_files"} {
			blocking("ASYNC221", ffmpegAlt, seg+"."+m)
			returns(seg+"."+m, "pydub.AudioSegment")
		}
		// from_wav/from_raw read the file directly (no ffmpeg): not listed.
		for _, m := range []string{"from_wav", "from_raw", "empty", "silent", "from_mono_audiosegments"} {
			returns(seg+"."+m, "pydub.AudioSegment")
		}
	}
	returns("pydub.audio_segment.AudioSegment", "pydub.AudioSegment")
	blocking("ASYNC221", ffmpegAlt, "pydub.AudioSegment.export")

	for _, typ := range []string{"graphviz.Graph", "graphviz.Digraph", "graphviz.Source"} {
		returns(typ, typ)
		blocking("ASYNC221", graphvizAlt, typ+".render", typ+".pipe", typ+".unflatten", typ+".view")
	}
	blocking("ASYNC221", graphvizAlt, "graphviz.render", "graphviz.pipe", "graphviz.unflatten")

	for _, mod := range []string{"pdf2image", "pdf2image.pdf2image"} {
		blocking("ASYNC221", popplerAlt, prefixed(mod+".", "convert_from_path", "convert_from_bytes",
			"pdfinfo_from_path", "pdfinfo_from_bytes")...)
	}
	for _, mod := range []string{"pytesseract", "pytesseract.pytesseract"} {
		blocking("ASYNC221", ocrAlt, prefixed(mod+".", "image_to_string", "image_to_boxes", "image_to_data",
			"image_to_osd", "image_to_pdf_or_hocr", "image_to_alto_xml")...)
	}
}
