import json
import math
import time
import hmac
import hashlib
import signal
import asyncio
import logging
import base64
import threading
import bisect
import csv
from dataclasses import dataclass, field
from collections import deque
from datetime import datetime, timezone
from typing import Dict, List, Optional, Deque, Tuple

import requests
import websockets
from dotenv import load_dotenv
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.panel import Panel
from rich.layout import Layout
from rich.text import Text
from rich import box

# NEW: Official Polymarket CLOB SDK (required for live orders)
from py_clob_client.client import ClobClient
from py_clob_client.clob_types import OrderArgs, OrderType, BalanceAllowanceParams, AssetType
# FIXED IMPORT — this is the only change
from py_clob_client.order_builder.constants import BUY, SELL

load_dotenv()

# ─────────────────────────────────────────────
# LOGGING SETUP - Separate file and console to prevent screen shaking
# ─────────────────────────────────────────────

# custom logger
log = logging.getLogger("polyarb")
log.setLevel(logging.DEBUG)  # Capture all levels, handlers will filter
log.propagate = False  # Prevent double logging

# v7.1: 15m primary + 5m for fast-moving markets
TARGET_CONFIGS = [
    ("BTC", "5m"),
    ("BTC", "15m"),
    ("ETH", "5m"),
    ("ETH", "15m"),
    ("XRP", "5m"),
    ("XRP", "15m"),
]

DIRECTIONS = ("UP", "DOWN")

MARKET_CACHE: Dict[str, dict] = {}
LAST_MARKET_REFRESH = datetime(1970, 1, 1, tzinfo=timezone.utc)

STOP_EVENT = None

def get_current_slug(asset: str, timeframe: str) -> str:
    """Polymarket creates a new 5m/15m market every interval.
    This returns the EXACT current live slug right now (no more expired slugs)."""
    now = int(time.time())
    interval = 300 if timeframe == "5m" else 900          # 5 min or 15 min
    aligned = (now // interval) * interval                # floor to current market start
    return f"{asset.lower()}-updown-{timeframe.lower()}-{aligned}"

# ─────────────────────────────────────────────
# MARKET DISCOVERY — QUERY YOUR EXACT SLUGS
# ─────────────────────────────────────────────
async def refresh_markets():
    global MARKET_CACHE, LAST_MARKET_REFRESH
    while not STOP_EVENT.is_set():
        try:
            found = {}
            slug_to_key = {}
            for asset, tf in TARGET_CONFIGS:
                slug = get_current_slug(asset, tf)
                base = f"{asset.lower()}-{tf.lower()}"
                slug_to_key[slug] = base
                log.info(f"🔍 Using LIVE slug → {slug} ({base})")
                log.info(f"   → Current time: {datetime.now().strftime('%H:%M:%S')} | Active market: {slug}")

            for slug, base in slug_to_key.items():
                try:
                    log.info(f"🔍 Fetching live market: {slug}")
                    r = requests.get(
                        f"https://gamma-api.polymarket.com/markets?slug={slug}", timeout=20
                    )
                    log.info(f"   Status: {r.status_code}")

                    if r.status_code != 200:
                        log.warning(f"   → Failed {r.status_code} (normal at exact rollover) — will retry")
                        continue

                    data = r.json()
                    if isinstance(data, list) and len(data) > 0:
                        m = data[0]
                    elif isinstance(data, dict):
                        m = data
                    else:
                        log.warning(f"   → Unexpected data type {type(data)}")
                        continue

                    log.info(f"   Keys: {list(m.keys())}")
                except Exception as e:
                    STATE.log_error(f"refresh_markets {slug}: {e}")
                    continue

            if found:
                MARKET_CACHE = found
                log.info(f"✅ LOADED {len(found)} real markets (UP + DOWN for each)")
                with STATE.lock:
                    STATE.poly_markets = MARKET_CACHE
            else:
                log.warning("No markets loaded — check links or API")
        except Exception as e:
            STATE.log_error(f"refresh_markets outer: {e}")
        await asyncio.sleep(30)  # v6: refresh every 30s for 5m market rotation
