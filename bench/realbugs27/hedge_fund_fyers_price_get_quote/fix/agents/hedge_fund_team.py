"""
AI Hedge Fund Team — 8 Specialist Agents + Portfolio Manager Orchestrator
GPU-accelerated: XGBoost (cuda) for factor model, FinBERT (cuda) for sentiment.
Fixes: replaced yf.download(multi-ticker) with per-symbol fast_info + timeout guards.
"""

import asyncio
import logging
import math
import os
import time
import numpy as np
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Dict, List, Any, Optional, Tuple
from db.database import get_sqlite, get_duckdb
from agents.guardian_agent import AgentHeartbeat

logger = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=6, thread_name_prefix="hf_agent")


def _safe_float(v) -> Optional[float]:
    try:
        f = float(v)
        return None if (math.isnan(f) or math.isinf(f)) else f
    except Exception:
        return None


async def _fyers_price(symbol: str) -> Optional[float]:
    """Try Fyers for real-time price if authenticated."""
    try:
        import data.fyers_data as fd
        if fd.is_authenticated():
            q = await fd.get_quote(symbol)   # was missing await — caused RuntimeWarning
            if q:
                return _safe_float(q.get("price") or q.get("ltp"))
        # Fallback: check quote cache directly (no async needed)
        cache = fd._quote_cache.get(symbol, {}) if hasattr(fd, '_quote_cache') else {}
        if cache.get("price"):
            return float(cache["price"])
    except Exception:
        pass
    return None
