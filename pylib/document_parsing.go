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

// HTML parsing of a downloaded page with Beautiful Soup: the constructor
// (`BeautifulSoup(markup, features)`, bs4/__init__.py) parses the whole
// document into a tree on the calling thread, with lxml, html.parser or
// html5lib; tens to hundreds of milliseconds for a page of a few hundred
// kilobytes, seconds for a batch of pages. Crawlers and search tools that
// fetch pages concurrently on one loop moved it to a thread:
// apify/crawlee-python#1817 ("`BeautifulSoup()` constructor performs
// synchronous HTML parsing that blocks the event loop, degrading
// concurrency", bench/realbugs73), open-webui/open-webui#27446 (37 pages,
// a 1.8 s loop stall inline, 83 ms offloaded) and Project-N-E-K-O's SERP
// parsing ("100-300ms" per page). A fragment (a chat message's HTML
// body, a literal, a parameter) parses in well under a millisecond and is
// what bots mostly parse, so only a document an async HTTP client has
// just downloaded is reported (UnblockedUnlessDownloaded); the parse of
// a parameter inside a helper is not followed by ASL201 either.
const soupAlt = "parse the page in a worker thread: `await asyncio.to_thread(BeautifulSoup, html, \"lxml\")`"

func init() {
	blocking("ASL202", pdfTextAlt, "pdfminer.high_level.extract_text", "pdfminer.high_level.extract_text_to_fp")
	blocking("ASL202", soupAlt, "bs4.BeautifulSoup")
	a := entry("bs4.BeautifulSoup")
	a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedUnlessDownloaded, "markup", 0
}
