# backend/protocol_rpc/health.py
import time
import os
import math
import random
from typing import Optional, Union, Dict, Any
import logging
import asyncio
from dataclasses import dataclass, field

import aiohttp
from fastapi import APIRouter, FastAPI, Depends
from fastapi.responses import JSONResponse
from backend.database_handler.session_factory import get_database_manager
from backend.protocol_rpc.fastapi_rpc_router import FastAPIRPCRouter
from backend.protocol_rpc.dependencies import get_rpc_router_optional

logger = logging.getLogger(__name__)

# Create FastAPI router for health endpoints
health_router = APIRouter(tags=["health"])

# =============================================================================
# Background Health Check Cache
# =============================================================================


@dataclass
class HealthCache:
    """Cached health check results updated by background task."""

    last_check: float = 0.0
    last_check_duration_ms: float = 0.0
    status: str = "initializing"
    issues: list = field(default_factory=list)
    services: Dict[str, Any] = field(default_factory=dict)
    error: Optional[str] = None
    # GenVM-specific (triggers 503 on failure)
    genvm_healthy: bool = False
    genvm_error: Optional[str] = None
    # GenVM manager capacity (best-effort; populated from /status when available)
    genvm_max_permits: Optional[int] = None
    genvm_current_permits: Optional[int] = None
    genvm_available_permits: Optional[int] = None
    genvm_active_executions: Optional[int] = None
    # Additional metrics for external API
    total_decisions: int = 0
    total_users: int = 0
    pending_transactions: int = 0
    uptime_percent: float = 100.0
    start_time: float = field(default_factory=time.time)
    # Pending transactions per contract for dashboard
    pending_contracts: list = field(default_factory=list)


_health_cache = HealthCache()
_background_task: Optional[asyncio.Task] = None
_rpc_router_ref: Optional[FastAPIRPCRouter] = None
_usage_metrics_service_ref: Optional[Any] = None
_metrics_send_counter: int = 0

# Send system health metrics every 6 health checks (6 × 10s = 60s = 1 minute)
METRICS_SEND_INTERVAL = 6


def get_health_check_interval() -> float:
    """Get health check interval from env (default 10s)."""
    return float(os.getenv("HEALTH_CHECK_INTERVAL_SECONDS", "10"))


async def _run_health_checks() -> None:
    """Run all expensive health checks and update cache."""
    global _health_cache

    start = time.time()
    overall_status = "healthy"
    issues = []
    services = {}

    try:
        # 1. Database health
        db_health = await _check_database_health()
        db_status = db_health.get("status", "unknown")
        services["database"] = {
            "status": db_status,
            "pool_size": db_health.get("connection_pool", {}).get("size"),
            "checked_out": db_health.get("connection_pool", {}).get("checked_out"),
        }
        if db_status in ["unhealthy", "error"]:
            overall_status = "unhealthy"
            issues.append("database_issue")
        elif db_status == "degraded":
            if overall_status == "healthy":
                overall_status = "degraded"

        # 2. Consensus health
        consensus_health = await _check_consensus_health()
        consensus_status = consensus_health.get("status", "unknown")
        services["consensus"] = {
            "processing_transactions": consensus_health.get(
                "total_processing_transactions", 0
            ),
            "orphaned_transactions": consensus_health.get(
                "total_orphaned_transactions", 0
            ),
            "active_workers": consensus_health.get("active_workers", 0),
            "status": consensus_status,
        }
        if consensus_status in ["unhealthy", "error"]:
            if overall_status == "healthy":
                overall_status = "degraded"
            issues.append("consensus_issue")
        elif consensus_health.get("total_orphaned_transactions", 0) > 0:
            if overall_status == "healthy":
                overall_status = "degraded"
            issues.append("orphaned_transactions")

        # 3. Memory health
        memory_health = await _check_memory_health()
        memory_status = memory_health.get("status", "unknown")
        services["memory"] = {
            "status": memory_status,
            "usage_mb": memory_health.get("memory_usage_mb"),
            "percent": memory_health.get("memory_percent"),
            "cpu_percent": memory_health.get("cpu_percent", 0),
        }
        if memory_status in ["unhealthy", "degraded"]:
            if overall_status == "healthy":
                overall_status = "degraded"
            issues.append("memory_issue")

        # 4. Redis health
        redis_status = await _check_redis_health()
        services["redis"] = redis_status
        if redis_status == "unhealthy":
            if overall_status == "healthy":
                overall_status = "degraded"
            issues.append("redis_unreachable")

        # 5. GenVM manager health (+ capacity details when available)
        genvm_ok, genvm_error, genvm_status = await _check_genvm_health()
        services["genvm"] = {"status": "healthy" if genvm_ok else "unhealthy"}
        _health_cache.genvm_healthy = genvm_ok
        _health_cache.genvm_error = genvm_error

        # Best-effort parse of permit info (do not fail overall health on missing keys).
        try:
            max_permits = genvm_status.get("max_permits")
            current_permits = genvm_status.get("current_permits")
            active_exec = genvm_status.get("active_executions")

            max_permits_i = int(max_permits) if max_permits is not None else None
            current_permits_i = (
                int(current_permits) if current_permits is not None else None
            )
            available_i = (
                max_permits_i - current_permits_i
                if max_permits_i is not None and current_permits_i is not None
                else None
            )

            _health_cache.genvm_max_permits = max_permits_i
            _health_cache.genvm_current_permits = current_permits_i
            _health_cache.genvm_available_permits = available_i
            _health_cache.genvm_active_executions = (
                int(active_exec) if active_exec is not None else None
            )

            services["genvm"].update(
                {
                    "max_permits": max_permits_i,
                    "current_permits": current_permits_i,
                    "available_permits": available_i,
                    "active_executions": _health_cache.genvm_active_executions,
                }
            )
        except Exception as e:
            logger.debug(f"Failed to parse GenVM permit info from /status: {e}")
            _health_cache.genvm_max_permits = None
            _health_cache.genvm_current_permits = None
            _health_cache.genvm_available_permits = None
            _health_cache.genvm_active_executions = None

        # 6. Aggregate counts for metrics
        decisions_count, users_count, pending_count = await _get_aggregate_counts()
        _health_cache.total_decisions = decisions_count
        _health_cache.total_users = users_count
        _health_cache.pending_transactions = pending_count
        _health_cache.uptime_percent = 100.0  # 100% while running

        # 7. Get pending contracts breakdown for dashboard
        _health_cache.pending_contracts = await _get_pending_contracts()

        # Update cache
        _health_cache.last_check = time.time()
        _health_cache.last_check_duration_ms = round((time.time() - start) * 1000, 2)
        _health_cache.status = overall_status
        _health_cache.issues = issues
        _health_cache.services = services
        _health_cache.error = None

    except Exception as e:
        logger.exception("Background health check failed")
        _health_cache.last_check = time.time()
        _health_cache.last_check_duration_ms = round((time.time() - start) * 1000, 2)
        _health_cache.status = "error"
        _health_cache.error = str(e)


async def _background_health_loop() -> None:
    """Background loop that periodically runs health checks."""
    global _metrics_send_counter

    interval = get_health_check_interval()
    logger.info(f"Starting background health checker (interval={interval}s)")

    while True:
        try:
            await _run_health_checks()

            # Send system health metrics every 1 minute (every 6th iteration)
            _metrics_send_counter += 1
            if _metrics_send_counter >= METRICS_SEND_INTERVAL:
                _metrics_send_counter = 0
                if _usage_metrics_service_ref and _usage_metrics_service_ref.enabled:
                    try:
                        await _usage_metrics_service_ref.send_system_health_metrics(
                            _health_cache
                        )
                    except Exception as e:
                        logger.warning(f"Failed to send system health metrics: {e}")

        except asyncio.CancelledError:
            logger.info("Background health checker cancelled")
            raise
        except Exception as e:
            logger.exception(f"Background health check error: {e}")

        await asyncio.sleep(interval)


def start_background_health_checker(
    rpc_router: Optional[FastAPIRPCRouter] = None,
    usage_metrics_service: Optional[Any] = None,
) -> None:
    """Start the background health checker task. Call from app startup."""
    global _background_task, _rpc_router_ref, _usage_metrics_service_ref

    _rpc_router_ref = rpc_router
    _usage_metrics_service_ref = usage_metrics_service

    if _background_task is not None:
        logger.warning("Background health checker already running")
        return

    loop = asyncio.get_event_loop()
    _background_task = loop.create_task(_background_health_loop())
    logger.info("Background health checker started")


def stop_background_health_checker() -> None:
    """Stop the background health checker task. Call from app shutdown."""
    global _background_task

    if _background_task is not None:
        _background_task.cancel()
        _background_task = None
        logger.info("Background health checker stopped")


# =============================================================================
# Individual Health Check Functions (used by background task)
# =============================================================================


async def _check_database_health() -> Dict[str, Any]:
    """Check database connectivity and pool stats."""
    try:
        from backend.consensus.monitoring import get_monitor
        from sqlalchemy import text

        monitor = get_monitor()
        status = monitor.get_status()

        db_manager = get_database_manager()
        pool_status = {}

        try:
            pool = db_manager.engine.pool
            pool_status = {"class": pool.__class__.__name__}

            if hasattr(pool, "size"):
                try:
                    pool_status["size"] = pool.size()
                except Exception:
                    pass

            if hasattr(pool, "checkedout"):
                try:
                    pool_status["checked_out"] = pool.checkedout()
                except Exception:
                    pass

            if hasattr(pool, "overflow"):
                try:
                    pool_status["overflow"] = pool.overflow()
                except Exception:
                    pass

        except Exception as e:
            pool_status = {"class": "unknown", "error": str(e)}

        # Test database connectivity
        db_healthy = False
        query_time_ms = 0
        try:
            start = time.time()
            with db_manager.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            query_time_ms = (time.time() - start) * 1000
            db_healthy = True
        except Exception as e:
            logger.error(f"Database connectivity test failed: {e}")

        return {
            "status": "healthy" if db_healthy else "unhealthy",
            "active_sessions": status.get("active_sessions", 0),
            "connection_pool": pool_status,
            "query_time_ms": query_time_ms,
        }
    except Exception as e:
        return {"status": "error", "error": str(e)}


async def _check_consensus_health() -> Dict[str, Any]:
    """Check consensus system status."""
    from datetime import datetime, timedelta, timezone
    from backend.database_handler.models import Transactions
    from backend.database_handler.session_factory import get_database_manager

    try:
        if not _rpc_router_ref:
            return {"status": "not_initialized", "error": "RPC router not available"}

        db_manager = get_database_manager()

        # Get active worker IDs
        with db_manager.engine.connect() as worker_conn:
            now = datetime.now(timezone.utc)
            recent_threshold = now - timedelta(hours=1)

            from sqlalchemy import select, distinct, and_

            worker_query = select(distinct(Transactions.worker_id)).where(
                and_(
                    Transactions.worker_id.isnot(None),
                    Transactions.created_at > recent_threshold,
                )
            )
            worker_result = worker_conn.execute(worker_query)
            active_workers = {row[0] for row in worker_result if row[0]}

        # Get transaction statistics
        with db_manager.engine.connect() as conn:
            from sqlalchemy import text

            query = text(
                """
                SELECT
                    COUNT(*) FILTER (WHERE status IN ('ACTIVATED', 'PROPOSING', 'COMMITTING', 'REVEALING', 'ACCEPTED', 'UNDETERMINED')) as processing_count,
                    COUNT(*) FILTER (WHERE worker_id IS NOT NULL AND status IN ('PENDING', 'ACTIVATED', 'PROPOSING', 'COMMITTING', 'REVEALING', 'ACCEPTED', 'UNDETERMINED')) as blocked_count
                FROM transactions
                WHERE to_address IS NOT NULL
            """
            )
            result = conn.execute(query)
            row = result.fetchone()

            total_processing = row.processing_count if row else 0
            total_blocked = row.blocked_count if row else 0

            # Simplified orphan detection
            total_orphaned = 0
            if total_blocked > 0 and len(active_workers) == 0:
                total_orphaned = total_blocked

            status = (
                "healthy"
                if total_processing < 100 and total_orphaned == 0
                else "degraded"
            )

            return {
                "status": status,
                "total_processing_transactions": total_processing,
                "total_orphaned_transactions": total_orphaned,
                "active_workers": len(active_workers),
            }

    except Exception as e:
        logger.exception("Consensus health check failed")
        return {"status": "error", "error": str(e)}


async def _check_memory_health() -> Dict[str, Any]:
    """Check memory usage and CPU usage."""
    try:
        import psutil

        process = psutil.Process()
        memory_info = process.memory_info()

        return {
            "status": "healthy",
            "memory_usage_mb": memory_info.rss / 1024 / 1024,
            "memory_percent": process.memory_percent(),
            "cpu_percent": await asyncio.to_thread(process.cpu_percent, interval=0.1),
        }
    except Exception as e:
        return {"status": "error", "error": str(e)}


async def _get_aggregate_counts() -> tuple[int, int, int]:
    """Query total decisions, unique users, and pending transactions from database."""
    from sqlalchemy import text

    try:
        db_manager = get_database_manager()
        with db_manager.engine.connect() as conn:
            query = text(
                """
                SELECT
                    COUNT(*) FILTER (WHERE status IN ('FINALIZED', 'ACCEPTED')) as decisions,
                    COUNT(DISTINCT from_address) as users,
                    COUNT(*) FILTER (WHERE status = 'PENDING') as pending
                FROM transactions
            """
            )
            result = conn.execute(query)
            row = result.fetchone()
            return (
                (row.decisions or 0, row.users or 0, row.pending or 0)
                if row
                else (0, 0, 0)
            )
    except Exception as e:
        logger.warning(f"Failed to get aggregate counts: {e}")
        return (0, 0, 0)


async def _get_pending_contracts() -> list[dict]:
    """Query pending transactions grouped by contract address."""
    from sqlalchemy import text

    try:
        db_manager = get_database_manager()
        with db_manager.engine.connect() as conn:
            query = text(
                """
                SELECT
                    to_address as contract_address,
                    COUNT(*) as pending_count
                FROM transactions
                WHERE status = 'PENDING'
                  AND to_address IS NOT NULL
                GROUP BY to_address
                ORDER BY pending_count DESC
                LIMIT 20
            """
            )
            result = conn.execute(query)
            return [
                {
                    "contractAddress": row.contract_address,
                    "pendingCount": row.pending_count,
                }
                for row in result
            ]
    except Exception as e:
        logger.warning(f"Failed to get pending contracts: {e}")
        return []


async def _check_redis_health() -> str:
    """Check Redis connectivity."""
    redis_url = os.getenv("REDIS_URL")
    if not redis_url:
        return "not_configured"

    try:
        import redis.asyncio as aioredis

        redis_client = aioredis.from_url(redis_url)
        try:
            await redis_client.ping()
            return "healthy"
        finally:
            await redis_client.aclose()
    except Exception:
        return "unhealthy"


async def _check_genvm_health() -> tuple[bool, Optional[str], Dict[str, Any]]:
    """Check GenVM manager health and (best-effort) parse permit status."""
    status_url = os.getenv("GENVM_MANAGER_STATUS_URL", "http://127.0.0.1:3999/status")
    timeout_s = float(os.getenv("GENVM_MANAGER_HEALTH_TIMEOUT_SECONDS", "2"))

    try:
        async with aiohttp.request(
            "GET",
            status_url,
            timeout=aiohttp.ClientTimeout(total=timeout_s),
        ) as resp:
            if resp.status != 200:
                return False, f"genvm_manager_status_http_{resp.status}", {}

            # /status is expected to be JSON and may contain permits + executions.
            # Treat JSON parse failures as "healthy but unknown capacity" to avoid
            # false negatives taking out production traffic.
            try:
                payload = await resp.json()
                if not isinstance(payload, dict):
                    return True, None, {}
                return True, None, payload
            except Exception:
                return True, None, {}
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        return False, f"genvm_manager_status_error: {exc}", {}
    except Exception as e:
        # Don't fail on unexpected errors
        logger.warning(f"GenVM health probe failed unexpectedly: {e}")
        return True, None, {}
