"""Main API entrypoint.

This module is intentionally small: it builds the FastAPI app, initializes
shared services, and registers routers. Domain endpoints live in
`backend.routers.*` modules.
"""

import asyncio
import json
import logging
import os
import threading
import time
from contextlib import asynccontextmanager
from typing import Any, Dict, Tuple

import firebase_admin
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from firebase_admin import auth, credentials, firestore, storage
from opentelemetry import trace
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor
from prometheus_fastapi_instrumentator import Instrumentator
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

from backend.routers import (
    alerts,
    blockchain,
    community,
    finance,
    governance,
    knowledge,
    ml,
    platform,
    quality,
    referrals,
    reports,
)
from blockchain_supply_chain import SupplyChainBlockchain
from crop_quality_grading import CropQualityGrader
from farm_finance_ai import FarmFinanceAI
from feature_flags.routes import router as flags_router
from ml.adapters.xgboost_adapter import XGBoostAdapter
from ml.governance import DriftDetector, ModelVersionManager, ShadowEvaluator
from ml.registry import ModelRegistry
from ml.router import ModelRouter
from persistence.repositories import (
    FinanceApplicationRepository,
    NotificationRepository,
    SupplyChainRepository,
)
from rbac import Permission, RBACManager, RBACMiddleware, print_rbac_matrix
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas
from weather_alerts import weather_service
from whatsapp_service import format_alert_message, send_whatsapp_message
from whatsapp_store import subscriber_store

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


class IdempotencyCache:
    def __init__(self, max_size: int = 1000, ttl_seconds: int = 86400):
        self.max_size = max_size
        self.ttl_seconds = ttl_seconds
        self.cache: Dict[str, Tuple[Any, float]] = {}

    def _evict_expired(self) -> None:
        now = time.time()
        expired_keys = [key for key, (_, ts) in self.cache.items() if now - ts >= self.ttl_seconds]
        for key in expired_keys:
            del self.cache[key]

    def __contains__(self, key: str) -> bool:
        self._evict_expired()
        if key in self.cache:
            _, ts = self.cache[key]
            if time.time() - ts < self.ttl_seconds:
                return True
            del self.cache[key]
        return False

    def __getitem__(self, key: str) -> Any:
        self._evict_expired()
        if key in self.cache:
            value, ts = self.cache[key]
            if time.time() - ts < self.ttl_seconds:
                return value
            del self.cache[key]
        raise KeyError(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self._evict_expired()
        if len(self.cache) >= self.max_size and key not in self.cache:
            oldest_key = min(self.cache.keys(), key=lambda k: self.cache[k][1])
            del self.cache[oldest_key]
        self.cache[key] = (value, time.time())


_IDEMPOTENCY_LOCK = threading.Lock()
_IDEMPOTENCY_CACHE = IdempotencyCache(max_size=1000, ttl_seconds=86400)


db_firestore = None


def get_firestore_client():
    global db_firestore
    if db_firestore is not None:
        return db_firestore

    try:
        if not firebase_admin._apps:
            cred = None
            if os.path.exists("serviceAccountKey.json"):
                cred = credentials.Certificate("serviceAccountKey.json")
            elif os.path.exists("firebase-credentials.json"):
                cred = credentials.Certificate("firebase-credentials.json")
            else:
                cred_json = os.getenv("FIREBASE_CREDENTIALS_JSON")
                if cred_json:
                    cred = credentials.Certificate(json.loads(cred_json))

            try:
                firebase_admin.initialize_app(cred) if cred else firebase_admin.initialize_app()
            except ValueError:
                pass

        if firebase_admin._apps:
            db_firestore = firestore.client()
    except Exception as exc:
        logger.error("Failed to initialize Firestore client: %s", exc)
        db_firestore = None

    return db_firestore


def validate_firestore_ready():
    client = get_firestore_client()
    if client is None:
        raise HTTPException(status_code=503, detail="Database service temporarily unavailable.")
    return client


async def verify_role(request: Request, required_roles: list = None, require_all: bool = False):
    auth_header = request.headers.get("Authorization", "")
    if not auth_header.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="Missing auth token")

    token = auth_header.split(" ")[1]
    decoded = auth.verify_id_token(token)
    uid = decoded["uid"]

    db = validate_firestore_ready()
    user_doc = await asyncio.to_thread(db.collection("users").document(uid).get)
    user_roles = user_doc.get("roles", []) if user_doc.exists else []

    if required_roles:
        has_access = all(role in user_roles for role in required_roles) if require_all else any(
            role in user_roles for role in required_roles
        )
        if not has_access:
            raise HTTPException(status_code=403, detail="Insufficient permissions")

    return {"uid": uid, "roles": user_roles}


def sanitise_log_field(value: str) -> str:
    if not isinstance(value, str):
        value = str(value)
    sanitised = "".join(ch if ord(ch) >= 32 or ch in "\n\t" else f"\\x{ord(ch):02x}" for ch in value)
    return sanitised[:1000]


# [realbugs84: the rest of main.py (signing keys, the ML pipeline, the app,
# middleware and router registration, about 200 lines) is left out; it does
# not touch verify_role's body.]
