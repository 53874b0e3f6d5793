"""
TitanBot Pro — Main Engine
============================
The central async orchestrator. Runs the full scanning pipeline.

Loop structure:
  1. Regime update (every 5 min)
  2. Rotation update (every 10 min)
  3. Universe refresh (every 1 hour)
  4. For each due symbol:
     a. Fetch OHLCV for all required timeframes
     b. Run all enabled strategies
     c. Check for whale activity
     d. Run stalker scan
     e. Aggregate and score signals
     f. Validate against risk manager
     g. Publish approved signals to Telegram

Everything is async — the Mac's 4 cores handle concurrent
API fetches without blocking the main loop.
"""

import asyncio
import logging
import time
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, List, Optional

from config.loader import cfg
from config.constants import Penalties, Timing, Grading, STRATEGY_KEY_MAP, ExecutionGate as EG
from data.api_client import api
from data.database import db
from analyzers.regime import regime_analyzer
from analyzers.altcoin_rotation import rotation_tracker
from scanner.scanner import scanner, Tier
from signals.aggregator import signal_aggregator, ScoredSignal
from signals.invalidation_monitor import invalidation_monitor
from risk.manager import risk_manager
from tg.bot import telegram_bot
from core.learning_loop import learning_loop

logger = logging.getLogger(__name__)


class Engine:
    """
    Main async engine. Single instance, runs forever until stopped.
    """

    def __init__(self):
        self._running = False
        self._strategies = []
        self._paused = False
        self._scan_semaphore = asyncio.Semaphore(
            cfg.system.get('async_workers', 3)
        )

        # Strategy class name → config key mapping (shared constant)
        self._strat_key_map = STRATEGY_KEY_MAP

        # Timing
        self._last_regime_update    = 0
        self._last_rotation_update  = 0
        self._last_daily_summary    = 0
        self._last_heartbeat        = 0
        self._last_console_status   = 0
        self._start_time            = time.time()

        # Stats
        self._scan_count   = 0
        self._signal_count = 0
        self._cycle_count  = 0

    async def _live_console_status(self):
        """Verbose live status — prints every 10s so you always see activity"""
        last_scan_count = 0
        while self._running:
            try:
                await asyncio.sleep(10)
                uptime = time.time() - self._start_time
                mins = int(uptime // 60)
                secs = int(uptime % 60)

                regime_name = regime_analyzer.regime.value if regime_analyzer.regime else "UNKNOWN"
                chop = regime_analyzer.chop_strength
                new_scans = self._scan_count - last_scan_count
                last_scan_count = self._scan_count

                from signals.outcome_monitor import outcome_monitor
                tracking = outcome_monitor.get_active_count()
                pending = invalidation_monitor.pending_count

                # Scan rate
                rate = new_scans / 10.0

                # Status icon
                if self._paused:
                    icon = "⏸"
                elif new_scans == 0:
                    icon = "⏳"
                else:
                    icon = "🔍"

                logger.info(
                    f"{icon} [{mins}m{secs:02d}s] "
                    f"regime={regime_name}(chop={chop:.2f}) | "
                    f"scans={self._scan_count}(+{new_scans} @{rate:.1f}/s) | "
                    f"signals={self._signal_count} | "
                    f"tracking={tracking} | pending={pending}"
                )

            except Exception as e:
                logger.error(f"Live status error: {e}")
                await asyncio.sleep(10)

    async def _dashboard_loop(self):
        """Periodic scan queue status — shows what's queued up next"""
        while self._running:
            try:
                await asyncio.sleep(30)

                due = scanner.get_due_symbols()
                all_syms = scanner.get_all_symbols()

                regime_name = regime_analyzer.regime.value if regime_analyzer.regime else "UNKNOWN"

                from core.execution_engine import execution_engine
                exec_summary = execution_engine.get_status_summary()

                from signals.whale_aggregator import whale_aggregator
                w = whale_aggregator.get_session_stats()

                logger.info(
                    f"📋 QUEUE | {len(due)} symbols due now / {len(all_syms)} total | "
                    f"regime={regime_name} | exec=[{exec_summary}] | "
                    f"whales={w['total_events']}(buy ${w['total_buy_volume']/1e6:.1f}M "
                    f"sell ${w['total_sell_volume']/1e6:.1f}M)"
                )

                if due:
                    preview = ', '.join(due[:8])
                    more = f' +{len(due)-8} more' if len(due) > 8 else ''
                    logger.info(f"   ↳ Next up: {preview}{more}")

            except Exception as e:
                logger.error(f"Dashboard loop error: {e}")
                await asyncio.sleep(30)


    async def stop(self):
        """Clean shutdown"""
        logger.info("Shutting down TitanBot Pro...")
        self._running = False

        # FIX: cancel stored background tasks before stopping monitors.
        # Previously these infinite-loop tasks were just abandoned — they'd keep
        # running and logging until the process died, sometimes raising after
        # other resources were already closed.
        for _task_attr in ('_console_status_task', '_dashboard_task',
                           '_bootstrap_oi_task', '_bootstrap_whale_task'):
            _t = getattr(self, _task_attr, None)
            if _t and not _t.done():
                _t.cancel()
                try:
                    await _t
                except (asyncio.CancelledError, Exception):
                    pass

        # Stop invalidation monitor
        try:
            await invalidation_monitor.stop()
        except Exception as _e:
            logger.warning(f"Shutdown: invalidation_monitor.stop() failed: {_e}")
        # Stop learning loop
        try:
            await learning_loop.stop()
        except Exception as _e:
            logger.warning(f"Shutdown: learning_loop.stop() failed: {_e}")
        try:
            await telegram_bot.stop()
        except Exception as _e:
            logger.warning(f"Shutdown: telegram_bot.stop() failed: {_e}")
        try:
            await api.close()
        except Exception as _e:
            logger.warning(f"Shutdown: api.close() failed: {_e}")
        try:
            await db.close()
        except Exception as _e:
            logger.warning(f"Shutdown: db.close() failed: {_e}")
        logger.info("Shutdown complete.")

    # ── Main loop ─────────────────────────────────────────────

    async def _main_loop(self):
        """The main scanning loop — runs forever with rich observability"""

        # Intervals
        HEARTBEAT_INTERVAL = 300       # Console heartbeat every 5 min
        TG_HEARTBEAT_INTERVAL = 3600   # Telegram heartbeat every 1 hour
        CONSOLE_STATUS_INTERVAL = 60   # Quick console status every 60s

        self._last_tg_heartbeat = time.time()

        logger.info("🟢 Scan loop started — watching markets...")
        asyncio.create_task(
            self._live_console_status(), name="live_console_status"
        )
        asyncio.create_task(
            self._dashboard_loop(), name="dashboard_loop"
        )
