package pylib

// Text extraction from PDF documents in pure Python: pdfminer.six's
// high-level functions open the file (a path, or read a file object) and
// lay out every page in Python, seconds of CPU for a large document, on the
// calling thread; the library has no asyncio API. An async ingestion
// service that extracts a downloaded PDF on the loop stops answering its
// other requests for that long (axoviq-ai/synthadoc#44: "pypdf and pdfminer
// are synchronous CPU-bound libraries. Calling them directly inside async
// def blocked the event loop during large PDF processing, causing jobs list
// and other HTTP handlers to time out"). As model inference (ASL202,
// model_inference.go), these are CPU work of the same weight, recorded as
// blocking calls of their own family, so ASL201 follows them through a
// project's helpers, which it does not do for plain local file work by
// default. pdfminer.six's docs (high_level.py): `extract_text(pdf_file,
// password, page_numbers, maxpages, ...)` "Parse and return the text
// contained in a PDF file", `extract_pages` yields the layout of each page
// (a generator: the parsing runs as it is iterated, so it is not listed),
// `extract_text_to_fp` writes the text of the whole file to an output file.

const pdfTextAlt = "run it with `await asyncio.to_thread(...)` (or FastAPI's `run_in_threadpool`): PDF text extraction " +
	"is CPU work with no asyncio API"

func init() {
	blocking("ASL202", pdfTextAlt, "pdfminer.high_level.extract_text", "pdfminer.high_level.extract_text_to_fp")
}
