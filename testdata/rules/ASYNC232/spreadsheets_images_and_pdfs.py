import asyncio
import io

import cv2
import fitz
import openpyxl


# openpyxl's load_workbook and Workbook.save, OpenCV's imread/imwrite and
# PyMuPDF's open and Document.save read or write the file they are given.
async def report(path: str, out: str):
    wb = openpyxl.load_workbook(path)  # want: ASYNC232 "`openpyxl\.load_workbook\(\)` blocks the event loop"
    wb.active["A1"] = "total"
    wb.save(out)  # want: ASYNC232


async def thumbnail(path: str, out: str):
    image = cv2.imread(path)  # want: ASYNC232
    small = cv2.resize(image, (128, 128))
    cv2.imwrite(out, small)  # want: ASYNC232


async def pdf_pages(path: str):
    doc = fitz.open(path)  # want: ASYNC232
    return [page.get_text() for page in doc]


# Quiet: in-memory buffers and bytes, offloaded calls, synchronous code,
# and another class's save.
async def from_memory(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    buf = io.BytesIO()
    wb.save(buf)
    doc = fitz.open(stream=data, filetype="pdf")
    return buf.getvalue(), doc.page_count


async def offloaded(path: str):
    wb = await asyncio.to_thread(openpyxl.load_workbook, path)
    image = await asyncio.to_thread(cv2.imread, path)
    return wb, image


def sync_report(path: str):
    openpyxl.load_workbook(path).save(path)


class Draft:
    def save(self, path):
        return path


async def other(draft: Draft, path: str):
    return draft.save(path)
