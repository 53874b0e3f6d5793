# scanner/js_crawler.py  — v0.3
#


from __future__ import annotations

import asyncio
import concurrent.futures
import time
from typing import Set, List, Dict, Optional, Tuple
from urllib.parse import urlparse, urljoin, urlencode, parse_qs


def stealth_available() -> bool:
    try:
        from playwright_stealth import Stealth  # noqa: F401
        return True
    except ImportError:
        return False


# ── JSCrawler ─────────────────────────────────────────────────────────────────
class JSCrawler:
    """
    Playwright SPA crawler.
    Runs Playwright in a separate daemon thread to avoid Windows asyncio deadlock.
    Uses stop_flag (threading.Event) to silence thread output once the main
    scan thread moves on — prevents interleaved output with AI filter and summary.
    """

    def __init__(
        self,
        base_url:           str,
        max_pages:          int  = 15,
        include_subdomains: bool = False,
        max_minutes:        int  = 5,
        page_timeout_ms:    int  = 20000,
    ):
        self.base_url           = base_url
        self.max_pages          = max_pages
        self.include_subdomains = include_subdomains
        self.max_minutes        = max_minutes
        self.page_timeout_ms    = page_timeout_ms
        self.pages_rendered     = 0

    async def crawl(self) -> Tuple[List[str], List[str], bool]:
        import threading

        base_url           = self.base_url
        max_pages          = self.max_pages
        include_subdomains = self.include_subdomains
        page_timeout_ms    = self.page_timeout_ms
        max_seconds        = self.max_minutes * 60

        # stop_flag: set() by crawl() when it stops waiting for the thread.
        # The thread checks this before every print() call so output stops
        # cleanly the moment the main scan moves to AI filter / summary.
        stop_flag = threading.Event()

        result_holder = [None]
        error_holder  = [None]

        def _run():
            """Runs in a fresh daemon thread with its own event loop."""
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                result_holder[0] = loop.run_until_complete(
                    _async_crawl(
                        base_url           = base_url,
                        max_pages          = max_pages,
                        include_subdomains = include_subdomains,
                        page_timeout_ms    = page_timeout_ms,
                        stop_flag          = stop_flag,
                    )
                )
            except Exception as exc:
                error_holder[0] = exc
            finally:
                loop.close()

        stealth_note = (
            " + stealth active ✓"
            if stealth_available()
            else " (no stealth — pip install playwright-stealth for Cloudflare bypass)"
        )
        print(f"[Permi JS] Starting headless Chromium{stealth_note}")
        print(
            f"[Permi JS] Pages: {self.max_pages} max  |  "
            f"Per-page timeout: {self.page_timeout_ms // 1000}s  |  "
            f"Hard cap: {self.max_minutes} min"
        )
        print()

        # daemon=True: Python won't wait 300s for the thread on shutdown
        t = threading.Thread(target=_run, daemon=True)
        t.start()

        t.join(max_seconds)

        # Signal the thread to stop printing — whether it finished or timed out
        stop_flag.set()

        if t.is_alive():
            # Hard cap reached — thread still running but we move on
            print(f"\n[Permi JS] ⚠️  Hard cap reached ({self.max_minutes} min).")
            print(f"[Permi JS]    Continuing with header findings collected so far.")
            print(f"[Permi JS]    Try --max-pages 5 to scan faster next time.")
            return [], [], set()

        if error_holder[0]:
            print(f"\n[Permi JS] Browser error: {type(error_holder[0]).__name__}: {error_holder[0]}")
            print("[Permi JS]    Continuing with header findings only.")
            return [], [], set()

        if result_holder[0] is None:
            return [], [], set()

        unique, api_endpoints, all_discovered = result_holder[0]
        return unique, api_endpoints, all_discovered
