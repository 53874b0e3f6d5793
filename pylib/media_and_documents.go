package pylib

// Devices, media and documents (libcov22b): speech recognition and
// text-to-speech engines, OpenCV's image files and video captures,
// spreadsheets (openpyxl) and PDF documents (PyMuPDF). Sources: the
// Debian packages python3-opencv 4.6.0, python3-openpyxl 3.0.9,
// python3-fitz 1.21.1 (unpacked, never installed); SpeechRecognition's
// and pyttsx3's docs.

const (
	speechAlt = "run it in a worker thread (`await asyncio.to_thread(recognizer.recognize_google, audio)`): the " +
		"recognizer waits on the microphone or on the recognition service"
	ttsEngineAlt = "run the speech in a worker thread (`await asyncio.to_thread(engine.runAndWait)`): runAndWait " +
		"blocks until everything queued has been spoken"
	videoAlt = "read frames in a worker thread (`await asyncio.to_thread(capture.read)`) or a dedicated capture " +
		"thread: each read waits for the camera or the stream's next frame"
	screenGrabAlt = "capture in a worker thread (`await asyncio.to_thread(ImageGrab.grab)`): the grab waits for the " +
		"screenshot tool or the display server"
	imageFileAlt = "do the file I/O in `await asyncio.to_thread(...)` (e.g. `await asyncio.to_thread(cv2.imread, path)`)"
	sheetAlt     = "load and save workbooks in `await asyncio.to_thread(...)` (e.g. " +
		"`await asyncio.to_thread(openpyxl.load_workbook, path)`)"
	pdfOpenAlt = "open and save documents in `await asyncio.to_thread(...)`, or open the bytes already read " +
		"(`fitz.open(stream=data, filetype=\"pdf\")`)"
)

func init() {
	// SpeechRecognition (speech_recognition/__init__.py): `Recognizer`'s
	// recognize_* methods send the audio to a web service with urllib
	// (recognize_google, _google_cloud, _bing, _azure, _houndify, _ibm,
	// _wit, _lex, _amazon, _openai, _groq) or run a local model on it
	// (recognize_sphinx, _whisper, _faster_whisper, _vosk, _tensorflow),
	// and wait; listen reads the microphone until a phrase ends, record
	// for a duration, adjust_for_ambient_noise for a second by default.
	// listen_in_background starts a thread of its own (not listed).
	for _, typ := range []string{"speech_recognition.Recognizer", "speech_recognition.recognizers.Recognizer"} {
		returns(typ, "speech_recognition.Recognizer")
	}
	serviceRequests("ASL202", speechAlt, prefixed("speech_recognition.Recognizer.", "recognize_google",
		"recognize_google_cloud", "recognize_bing", "recognize_azure", "recognize_houndify", "recognize_ibm",
		"recognize_wit", "recognize_lex", "recognize_amazon", "recognize_openai", "recognize_groq",
		"recognize_api", "recognize_sphinx", "recognize_whisper", "recognize_faster_whisper", "recognize_vosk",
		"recognize_tensorflow", "recognize_whisper_api", "listen", "record", "adjust_for_ambient_noise")...)

	// pyttsx3 (docs, "Using pyttsx3"): `init()` returns the Engine; say()
	// only queues the utterance, runAndWait "blocks while processing all
	// currently queued commands"; the module's speak(text) says and runs
	// and waits.
	for _, f := range []string{"pyttsx3.init", "pyttsx3.Engine", "pyttsx3.engine.Engine"} {
		returns(f, "pyttsx3.Engine")
	}
	serviceRequests("ASL202", ttsEngineAlt, "pyttsx3.Engine.runAndWait", "pyttsx3.speak")

	// OpenCV: `cv2.VideoCapture(index_or_url)` opens the camera or the
	// stream; read ("Grabs, decodes and returns the next video frame"),
	// grab and retrieve wait for the device's or the stream's next frame.
	// imread and imwrite load and decode, or encode and write, an image
	// file (local file work, the family of pandas' readers).
	returns("cv2.VideoCapture", "cv2.VideoCapture")
	serviceRequests("ASL202", videoAlt, "cv2.VideoCapture", "cv2.VideoCapture.read", "cv2.VideoCapture.grab",
		"cv2.VideoCapture.retrieve", "cv2.VideoCapture.open")
	blocking("ASYNC232", imageFileAlt, "cv2.imread", "cv2.imwrite", "cv2.imreadmulti")

	// Pillow's ImageGrab (PIL/ImageGrab.py, read in Debian's python3-pil
	// 9.4.0): `grab()` runs `screencapture` (macOS) or, on Linux without an
	// X display, `gnome-screenshot` with `subprocess.call` and reads the
	// file it wrote, or grabs the X11 screen through XCB;
	// `grabclipboard()` runs `osascript`, `wl-paste` or `xclip` with
	// `subprocess.call`. Either waits for the capture on the calling thread
	// (bantz, realbugs62: "Offload CPU-bound Pillow operations to threads",
	// ImageGrab.grab() among them). Pillow's image operations (open,
	// convert, resize, save to a buffer) are CPU work proportional to the
	// image and are not listed: small images are the common case in the
	// bots and services that call them from coroutines.
	serviceRequests("ASL202", screenGrabAlt, "PIL.ImageGrab.grab", "PIL.ImageGrab.grabclipboard")

	// openpyxl (openpyxl/reader/excel.py, workbook/workbook.py):
	// load_workbook(filename) opens the .xlsx archive and parses every
	// sheet's XML; Workbook.save(filename) writes it back. The same
	// family as pandas' read_excel (which calls it).
	for _, f := range []string{"openpyxl.load_workbook", "openpyxl.reader.excel.load_workbook", "openpyxl.Workbook",
		"openpyxl.workbook.Workbook", "openpyxl.workbook.workbook.Workbook"} {
		returns(f, "openpyxl.Workbook")
	}
	blocking("ASYNC232", sheetAlt, "openpyxl.load_workbook", "openpyxl.reader.excel.load_workbook",
		"openpyxl.Workbook.save")
	// Given an in-memory buffer (io.BytesIO) they read or write memory.
	unblockedInMemory("openpyxl.load_workbook", "openpyxl.reader.excel.load_workbook",
		"openpyxl.Workbook.save")

	// PyMuPDF (fitz/fitz.py, 1.21; imported as `fitz` or, since 1.24,
	// `pymupdf`): `open(filename)` is Document(filename, stream=None, ...),
	// which opens and parses the file (given `stream=` bytes it reads
	// memory); Document.save writes the file. Page.get_text runs in
	// MuPDF's C code, milliseconds per page, and is not listed.
	for _, mod := range []string{"fitz", "pymupdf"} {
		for _, f := range []string{mod + ".open", mod + ".Document"} {
			returns(f, "fitz.Document")
			blocking("ASYNC232", pdfOpenAlt, f)
		}
	}
	blocking("ASYNC232", pdfOpenAlt, "fitz.Document.save")
	// Without a file name (`open(stream=data)`, `open()` for a new
	// document) or given an in-memory buffer, nothing is read from disk.
	for _, mod := range []string{"fitz", "pymupdf"} {
		unblockedInMemory(mod+".open", mod+".Document")
	}
	unblockedInMemory("fitz.Document.save")
}

// unblockedInMemory marks file calls that do no I/O when their file
// argument (the first) is missing or an in-memory buffer.
func unblockedInMemory(names ...string) {
	for _, n := range names {
		entry(n).Unblock = UnblockedMemoryFile
	}
}
