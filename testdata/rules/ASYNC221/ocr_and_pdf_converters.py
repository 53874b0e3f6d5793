import asyncio

import pytesseract
from pdf2image import convert_from_bytes, convert_from_path
from pytesseract import image_to_string


async def ocr_upload(content: bytes) -> str:
    pages = convert_from_bytes(content, dpi=300)  # want: ASYNC221
    return "\n".join(pytesseract.image_to_string(p, lang="eng") for p in pages)  # want: ASYNC221


async def first_page_text(path: str) -> str:
    page = convert_from_path(path, first_page=1, last_page=1)[0]  # want: ASYNC221
    return image_to_string(page)  # want: ASYNC221


# Quiet: the conversion and the OCR run in a thread, or in a plain function.

def _ocr_pdf(content: bytes) -> str:
    return "\n".join(pytesseract.image_to_string(p) for p in convert_from_bytes(content))


async def ocr_in_thread(content: bytes) -> str:
    return await asyncio.to_thread(_ocr_pdf, content)


async def ocr_page(image) -> str:
    return await asyncio.to_thread(pytesseract.image_to_string, image, "kor+eng")


# Quiet: another object's image_to_string.
async def ocr_with(engine, image):
    return await engine.image_to_string(image)
