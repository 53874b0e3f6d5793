"""
HTTP utilities with retry logic and exponential backoff.

Provides robust HTTP session with automatic retry for transient failures:
- Connection errors
- Timeouts
- Server errors (5xx)
- Rate limits (429)

Implements anti-SSRF protections:
- DNS pinning: single DNS resolution, connection forced to the pre-validated IP
- Manual redirect with anti-SSRF revalidation on each hop
- Streaming with size check to prevent DoS from huge responses
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlparse

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from geo_optimizer.models.config import HEADERS

# Response size limit: 10 MB (prevents DoS from huge responses)
MAX_RESPONSE_SIZE = 10 * 1024 * 1024

# Maximum number of redirects to follow manually (anti-infinite loop)
_MAX_REDIRECTS = 10

# Chunk size for streaming (8 KB)
_CHUNK_SIZE = 8192


def create_session_with_retry(
    total_retries=3,
    backoff_factor=1.0,
    status_forcelist=None,
    allowed_methods=None,
    pinned_ips: list[str] | None = None,
):
    """
    Create requests session with exponential backoff retry strategy.

    Args:
        total_retries: Maximum number of retry attempts (default: 3)
        backoff_factor: Backoff multiplier (default: 1.0)
        status_forcelist: HTTP status codes to retry
        allowed_methods: HTTP methods to retry (default: ["GET", "HEAD"])
        pinned_ips: List of pre-validated IPs to force the connection to.
                    If provided, uses _PinnedIPAdapter to prevent DNS rebinding.

    Returns:
        requests.Session: Configured session with retry adapter
    """
    if status_forcelist is None:
        status_forcelist = [408, 429, 500, 502, 503, 504]
    if allowed_methods is None:
        allowed_methods = ["GET", "HEAD"]

    session = requests.Session()
    session.headers.update(HEADERS)

    retry_strategy = Retry(
        total=total_retries,
        backoff_factor=backoff_factor,
        status_forcelist=status_forcelist,
        allowed_methods=allowed_methods,
        raise_on_status=False,
    )

    # If pinned IPs were provided, use the adapter with DNS pinning
    if pinned_ips:
        adapter = _PinnedIPAdapter(pinned_ips, max_retries=retry_strategy)
    else:
        adapter = HTTPAdapter(max_retries=retry_strategy)

    session.mount("http://", adapter)
    session.mount("https://", adapter)

    return session


class _PinnedIPAdapter(HTTPAdapter):
    """HTTPAdapter che forza la connessione a un IP pre-validato.

    Previene attacchi TOCTOU DNS rebinding: dopo la validazione URL,
    l'IP è fisso e usato direttamente senza una seconda risoluzione DNS.

    Thread-safe via threading.local() — nessun lock globale (fix #330).
    """

    def __init__(self, pinned_ips: list[str], *args, **kwargs):
        self._pinned_ip = pinned_ips[0] if pinned_ips else None
        super().__init__(*args, **kwargs)
