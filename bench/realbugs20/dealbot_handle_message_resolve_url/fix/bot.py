#!/usr/bin/env python3
"""
Deal Post Bot v7.1 — Multi-Template Edition (Standard & Optimized)
Timeout-hardened build for low-CPU hosts (Render free tier).
"""

import os
import re
import json
import logging
import asyncio
import base64
import datetime
import random
from io import BytesIO
from urllib.parse import urlparse

import time
import telegram.error
import fitz
from weasyprint import HTML
import httpx
import requests
from bs4 import BeautifulSoup
from keep_alive import keep_alive
from fake_useragent import UserAgent
from PIL import Image as PILImage, ImageDraw, ImageFont
from jinja2 import Template

from telegram import Update, InlineKeyboardMarkup, InlineKeyboardButton, InputMediaPhoto
from telegram.request import HTTPXRequest
from telegram.ext import (
    Application,
    CommandHandler,
    MessageHandler,
    CallbackQueryHandler,
    filters,
    ContextTypes,
)

# curl_cffi for Flipkart TLS fingerprinting
try:
    from curl_cffi import requests as cffi_requests
    _HAS_CFFI = True
except ImportError:
    _HAS_CFFI = False
    logging.warning("curl_cffi not installed — Flipkart scraping may fail")

BOT_TOKEN = os.getenv("TELEGRAM_BOT_TOKEN", "YOUR_TOKEN")
GROQ_API_KEY = os.getenv("GROQ_API_KEY", "")
EXT_ID = "7242722"
EXT_AUTH = "788970602"

logging.basicConfig(
    format="%(asctime)s [%(levelname)s] %(message)s",
    level=logging.INFO,
)
log = logging.getLogger(__name__)

SHORT_DOMAINS = [
    "amzn.to", "amzn.in", "bit.ly", "fkrt.site", "fkrt.cc",
    "fkrt.co", "fkrt.to", "dl.flipkart.com",
]


# ─────────────────────────────────────────────
# 1. URL HANDLING
# ─────────────────────────────────────────────
def resolve_url(url):
    domain = urlparse(url).netloc
    if any(sd in domain for sd in SHORT_DOMAINS):
        try:
            r = requests.get(
                url, allow_redirects=True, timeout=10, stream=True,
                headers={"User-Agent": "Mozilla/5.0"},
            )
            u = r.url
            r.close()
            return u
        except Exception:
            pass
    return url


def detect_marketplace(url):
    if "amazon" in url or "amzn" in url:
        m = re.search(r"(?:/dp/|/gp/product/)([A-Z0-9]{10})", url)
        if m:
            return "amazon", m.group(1), 63
    elif "flipkart" in url or "fkrt" in url:
        m = re.search(r"(?:pid=|/p/)([A-Za-z0-9]{16})", url)
        if m:
            return "flipkart", m.group(1), 2
    return None, None, None


def make_clean_url(mkt, pid, url):
    if mkt == "amazon":
        tld = re.search(r"amazon\.([a-z.]+)", url)
        return f"https://www.amazon.{tld.group(1) if tld else 'in'}/dp/{pid}"
    return url


async def handle_message(update: Update, context: ContextTypes.DEFAULT_TYPE):
    msg = update.message
    if not msg:
        return

    text = msg.text or msg.caption or ""
    url_m = re.search(r"(https?://[^\s]+)", text)
    if not url_m:
        return
    raw_url = url_m.group(1)
    if not any(k in raw_url for k in ["amazon", "amzn", "flipkart", "fkrt"]):
        return

    status = await msg.reply_text("⏳ Processing...")

    try:
        # FIX: was blocking the event loop for up to 10s
        resolved = await asyncio.to_thread(resolve_url, raw_url)
        mkt, pid, pos = detect_marketplace(resolved)
        if not mkt or not pid:
            await _safe(status.edit_text("❌ Couldn't detect product."))
            return

        product_url = make_clean_url(mkt, pid, resolved)

        # Phase 1: parallel API calls
        details, thunder, compare, reg_price, prod_data = await asyncio.gather(
            api_product_details(resolved),
            api_thunder(pid, pos),
            api_compare(pid, pos),
            get_historical_regular_price(pid, pos),
            api_product_data(pid, pos),
            return_exceptions=True,
        )
        if isinstance(details, Exception): details = {}
        if isinstance(thunder, Exception): thunder = {}
        if isinstance(compare, Exception): compare = []
        if isinstance(reg_price, Exception): reg_price = 0
        if isinstance(prod_data, Exception): prod_data = {}

        raw_title = (prod_data.get("name") or details.get("prod")
                     or details.get("title") or "Product")

        # Phase 2: parallel scrape + title shorten
        scrape_fn = scrape_amazon if mkt == "amazon" else scrape_flipkart
        scraped_result, short_title = await asyncio.gather(
            asyncio.to_thread(scrape_fn, product_url),
            shorten_title_groq(raw_title),
            return_exceptions=True,
        )
        if isinstance(scraped_result, Exception):
            scraped_result = {"current_price": None, "mrp": None,
                              "coupon": None, "bank_offers": []}
        if isinstance(short_title, Exception):
            short_title = raw_title

        scraped = scraped_result
        image_url = prod_data.get("image") or details.get("image") or ""

        price = (
            scraped.get("current_price")
            or _clean_price(prod_data.get("cur_price"))
            or _clean_price(details.get("price"))
            or 0
        )
        if not price and thunder.get("avg"):
            price = int(thunder["avg"])

        api_mrp = (
            _clean_price(prod_data.get("mrpFloat"))
            or _clean_price(details.get("mrp"))
            or _clean_price(details.get("mrpFloat"))
            or 0
        )
        scraped_mrp = _clean_price(scraped.get("mrp")) or 0
        mrp = max(scraped_mrp, api_mrp, price)

        avg_p = thunder.get("avg", 0)
        bd = calc_breakdown(price, mrp, scraped.get("coupon"), scraped.get("bank_offers", []))

        await _safe(status.edit_text("🎨 Generating deal card..."))

        caption = format_caption(short_title, product_url, bd, avg_p)
        context.user_data['deal_cache'] = {
            'image_url': image_url, 'bd': bd,
            'bank_offers': scraped.get("bank_offers", []),
            'mkt': mkt, 'short_title': short_title,
            'reg_price': reg_price, 'caption': caption,
        }

        default_mode = context.user_data.get('default_mode', 'standard')

        deal_img = await asyncio.to_thread(
            generate_deal_image, image_url, bd, scraped.get("bank_offers", []),
            marketplace=mkt, template_type=default_mode,
            short_title=short_title, reg_price=reg_price,
        )

        if default_mode == "optimized":
            btn_text, btn_cb = "🔄 Show Standard Version", "std_version"
        else:
            btn_text, btn_cb = "🔄 Show Optimized Version", "opt_version"

        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(btn_text, callback_data=btn_cb)]])

        if deal_img:
            await msg.reply_photo(
                photo=deal_img, caption=caption, parse_mode="HTML",
                reply_markup=keyboard,
                read_timeout=90, write_timeout=180, connect_timeout=30, pool_timeout=30,
            )
        else:
            await msg.reply_text(caption, disable_web_page_preview=True, parse_mode="HTML")

        await _safe(status.delete())

    except Exception as e:
        log.error(f"Error: {e}", exc_info=True)
        await _safe(status.edit_text(f"❌ Error: {str(e)[:100]}"))
