# pdfminer.six's extract_text lays out every page of the PDF in pure Python:
# seconds of CPU on the calling thread for a large document. Reported in a
# coroutine and through a synchronous helper (ASL201 follows it as it
# follows model inference); quiet offloaded, in plain functions, and for
# extract_pages, a generator that parses only as it is iterated.
import asyncio
from io import BytesIO

from pdfminer.high_level import extract_pages, extract_text, extract_text_to_fp


async def upload(data: bytes) -> str:
    return extract_text(BytesIO(data))  # want: ASL202 "extract_text\(\)"


async def to_file(path: str, out) -> None:
    with open(path, "rb") as f:  # want: ASYNC230
        extract_text_to_fp(f, out)  # want: ASL202


def _pdf_text(path: str) -> str:
    return extract_text(path)


async def ingest(path: str) -> str:
    return _pdf_text(path)  # want: ASL201


async def offloaded(path: str) -> str:
    return await asyncio.to_thread(_pdf_text, path)


def sync_text(path: str) -> str:
    return extract_text(path)


async def layout(path: str):
    return extract_pages(path)
