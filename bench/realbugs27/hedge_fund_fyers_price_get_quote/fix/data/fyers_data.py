"""
Fyers API v3 — PRIMARY data source for ALL NSE/BSE pricing.

NSE API is never used for prices — only for data Fyers doesn't provide
(corporate actions, filings, news, insider trades, economic indicators).
"""

import asyncio
import csv
import io
import logging
import json
import math
import queue
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Optional, Dict, List, Any
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)

# ── State ──────────────────────────────────────────────────────────────────────
_fyers_client     = None
_access_token: Optional[str] = None
_token_date: Optional[str]   = None
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="fyers")

# ── Quote cache (1-second TTL for hot symbols) ─────────────────────────────────
_quote_cache: Dict[str, Dict] = {}
_quote_ts: Dict[str, float]   = {}
QUOTE_TTL = 1.5   # seconds


def is_authenticated() -> bool:
    return bool(_fyers_client and _access_token and _token_date == str(date.today()))


def to_fyers_symbol(symbol: str) -> str:
    """Convert raw symbol (RELIANCE / RELIANCE.NS / NIFTY) → NSE:RELIANCE-EQ"""
    s = symbol.upper().strip().replace(".NS", "").replace(".BO", "")
    if symbol.upper().endswith(".BO"):
        return f"BSE:{s}-A"
    if s in _INDEX_MAP:
        return _INDEX_MAP[s]
    return f"NSE:{s}-EQ"


# ── Quotes ─────────────────────────────────────────────────────────────────────

def _safe_float(v) -> float:
    try:
        f = float(v)
        return 0.0 if (math.isnan(f) or math.isinf(f)) else f
    except Exception:
        return 0.0


def _parse_quote(item: Dict, raw_symbol: str) -> Dict:
    d = item.get("v", {})
    price      = _safe_float(d.get("lp"))
    prev_close = _safe_float(d.get("prev_close_price"))
    change     = _safe_float(d.get("ch")) or (price - prev_close)
    change_pct = _safe_float(d.get("chp")) or ((change / prev_close * 100) if prev_close else 0)
    return {
        "symbol":     raw_symbol,
        "price":      price,
        "open":       _safe_float(d.get("open_price")),
        "high":       _safe_float(d.get("high_price")),
        "low":        _safe_float(d.get("low_price")),
        "prev_close": prev_close,
        "volume":     int(d.get("volume") or 0),
        "change":     round(change, 2),
        "change_pct": round(change_pct, 2),
        "bid":        _safe_float(d.get("bid")),
        "ask":        _safe_float(d.get("ask")),
        "52w_high":   _safe_float(d.get("52w_high")),
        "52w_low":    _safe_float(d.get("52w_low")),
        "timestamp":  datetime.now().isoformat(),
        "source":     "fyers",
    }


async def get_quote(symbol: str) -> Optional[Dict]:
    """Single symbol quote with 1.5s cache."""
    if not is_authenticated():
        return None
    now = time.time()
    if symbol in _quote_cache and (now - _quote_ts.get(symbol, 0)) < QUOTE_TTL:
        return _quote_cache[symbol]
    try:
        fyers_sym = to_fyers_symbol(symbol)
        loop = asyncio.get_event_loop()
        resp = await asyncio.wait_for(
            loop.run_in_executor(_executor, lambda: _fyers_client.quotes({"symbols": fyers_sym})),
            timeout=6,
        )
        if resp.get("code") == 200 and resp.get("d"):
            q = _parse_quote(resp["d"][0], symbol)
            _quote_cache[symbol] = q
            _quote_ts[symbol] = now
            return q
        logger.warning("Fyers quote %s: %s", symbol, resp.get("message", "no data"))
    except asyncio.TimeoutError:
        logger.warning("Fyers quote timeout: %s", symbol)
    except Exception as e:
        logger.warning("Fyers get_quote %s: %s", symbol, e)
    return _quote_cache.get(symbol)   # return stale if available
