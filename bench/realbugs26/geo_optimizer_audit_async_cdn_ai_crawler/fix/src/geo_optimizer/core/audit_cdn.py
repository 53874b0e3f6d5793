from __future__ import annotations

from geo_optimizer.models.results import CdnAiCrawlerResult


def audit_cdn_ai_crawler(base_url: str) -> CdnAiCrawlerResult:
    """Check if CDN/WAF blocks AI crawler user-agents (#225).

    Simulates requests with the AI bot User-Agents that actually drive AI
    citations (GPTBot, OAI-SearchBot, PerplexityBot, Claude-SearchBot,
    Googlebot, Applebot) and compares response status/size to a normal
    browser request. #512: bot roster matches CITATION_BOTS plus GPTBot
    (kept for training-block visibility, per-vendor precedent).

    Based on OtterlyAI Citation Report 2026: 73% of sites have technical
    barriers blocking AI crawlers. CDN restrictions are barrier #2.

    Args:
        base_url: Base URL of the site (normalized).

    Returns:
        CdnAiCrawlerResult with per-bot comparison data.
    """
    from geo_optimizer.models.results import CdnAiCrawlerResult

    result = CdnAiCrawlerResult()

    # AI bots to test (most impactful for citations)
    test_bots = {
        "GPTBot": (
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)"
        ),
        "Googlebot": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    }

    browser_ua = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36"
    )

    from geo_optimizer.utils.http import create_session_with_retry
    from geo_optimizer.utils.validators import resolve_and_validate_url

    # Fix #283: SSRF validation before CDN requests
    # Fix #305: DNS pinning with pinned session (eliminates TOCTOU)
    is_safe, reason, pinned_ips = resolve_and_validate_url(base_url)
    if not is_safe:
        result.error = f"Unsafe URL: {reason}"
        return result

    # Session with DNS pinning — all requests use pre-validated IPs
    session = create_session_with_retry(total_retries=1, pinned_ips=pinned_ips)

    try:
        # Step 1: Browser request (baseline)
        try:
            browser_r = session.get(
                base_url,
                headers={"User-Agent": browser_ua},
                timeout=10,
                allow_redirects=False,
            )
            result.browser_status = browser_r.status_code
            # Fix #348: size check to avoid OOM on oversized responses
            if len(browser_r.content) > 5 * 1024 * 1024:  # 5 MB
                result.error = "Response too large for CDN check"
                return result
            result.browser_content_length = len(browser_r.text)

        except Exception:
            # Not reachable even as a browser — skip check
            return result

        # Step 2: AI bot requests
        for bot_name, bot_ua in test_bots.items():
            bot_entry = {
                "bot": bot_name,
                "status": 0,
                "content_length": 0,
                "blocked": False,
                "challenge_detected": False,
            }
            try:
                bot_r = session.get(
                    base_url,
                    headers={"User-Agent": bot_ua},
                    timeout=10,
                    allow_redirects=False,
                )
                bot_entry["status"] = bot_r.status_code
                bot_entry["content_length"] = len(bot_r.text)

                # Check 1: HTTP error status
                if bot_r.status_code in (403, 429, 451, 503):
                    bot_entry["blocked"] = True

            except Exception:
                bot_entry["blocked"] = True

            result.bot_results.append(bot_entry)

        result.checked = True
        result.any_blocked = any(b["blocked"] or b["challenge_detected"] for b in result.bot_results)

    except Exception:
        pass

    return result
