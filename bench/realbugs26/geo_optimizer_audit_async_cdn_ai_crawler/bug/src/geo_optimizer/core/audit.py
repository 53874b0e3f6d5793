import asyncio
import copy
import time
from urllib.parse import urljoin

from geo_optimizer.core.audit_ai_discovery import (
    _audit_ai_discovery_from_responses,
    audit_ai_discovery,  # noqa: F401
)
from geo_optimizer.core.audit_brand import audit_brand_entity  # noqa: F401
from geo_optimizer.core.audit_cdn import audit_cdn_ai_crawler  # noqa: F401
from geo_optimizer.core.audit_content import audit_content_quality  # noqa: F401
from geo_optimizer.core.audit_js import audit_js_rendering  # noqa: F401


async def run_full_audit_async(url: str, project_config=None) -> AuditResult:
    """Async variant of the full audit with parallel fetch (httpx).

    Runs homepage, robots.txt and llms.txt in parallel for a
    2-3x speedup compared to the synchronous version.

    Note: disk cache (``use_cache``) is not supported in the async path.
    Use ``run_full_audit(url, use_cache=True)`` when caching is needed.

    Args:
        url: URL of the site to analyze.
        project_config: Optional ProjectConfig — if it has extra_bots, merges them with AI_BOTS.

    Requires: pip install geo-optimizer-skill[async]
    """
    _t0 = time.perf_counter()
    from bs4 import BeautifulSoup

    from geo_optimizer.utils.http_async import fetch_urls_async

    # Merge extra_bots from config, same as in the synchronous version
    effective_bots = dict(AI_BOTS)
    if project_config is not None and project_config.extra_bots:
        effective_bots.update(project_config.extra_bots)

    # Normalize URL
    base_url = normalize_url_scheme(url.rstrip("/"))

    # Parallel fetch: homepage + robots.txt + llms.txt + llms-full.txt + AI discovery
    robots_url = urljoin(base_url, "/robots.txt")
    llms_url = urljoin(base_url, "/llms.txt")
    llms_full_url = urljoin(base_url, "/llms-full.txt")
    # v4.1: AI discovery endpoints (geo-checklist.dev)
    ai_txt_url = urljoin(base_url, "/.well-known/ai.txt")
    ai_summary_url = urljoin(base_url, "/ai/summary.json")
    ai_faq_url = urljoin(base_url, "/ai/faq.json")
    ai_service_url = urljoin(base_url, "/ai/service.json")

    responses = await fetch_urls_async(
        [
            base_url,
            robots_url,
            llms_url,
            llms_full_url,
            ai_txt_url,
            ai_summary_url,
            ai_faq_url,
            ai_service_url,
        ]
    )

    # Extract responses
    r_home, err_home = responses.get(base_url, (None, "URL not requested"))
    r_robots, _ = responses.get(robots_url, (None, None))
    r_llms, _ = responses.get(llms_url, (None, None))
    r_llms_full, _ = responses.get(llms_full_url, (None, None))
    # AI discovery responses
    r_ai_txt, _ = responses.get(ai_txt_url, (None, None))
    r_ai_summary, _ = responses.get(ai_summary_url, (None, None))
    r_ai_faq, _ = responses.get(ai_faq_url, (None, None))
    r_ai_service, _ = responses.get(ai_service_url, (None, None))

    if err_home or not r_home:
        result = AuditResult(
            url=base_url,
            error=str(err_home) if err_home else "Connection failed",
        )
        result.recommendations = [f"Unable to reach {base_url}: {err_home}"]
        result.audit_duration_ms = int((time.perf_counter() - _t0) * 1000)
        return result

    soup = BeautifulSoup(r_home.text, "html.parser")

    # Fix #285: compute soup_clean once for the async path
    # #537: strip <noscript>/<template> too (their text is not page copy)
    soup_clean = copy.deepcopy(soup)
    for tag in soup_clean(["script", "style", "noscript", "template"]):
        tag.decompose()

    # Sub-audits that work on the DOM (no additional fetch required)
    content = audit_content_quality(soup, base_url, soup_clean=soup_clean)

    # v4.1: AI discovery from pre-fetched responses
    ai_disc = _audit_ai_discovery_from_responses(r_ai_txt, r_ai_summary, r_ai_faq, r_ai_service)

    # v4.2: CDN AI Crawler check (#225) + JS Rendering check (#226)
    cdn_result = audit_cdn_ai_crawler(base_url)
    js_result = audit_js_rendering(soup, r_home.text)

    # gap #10: brand sentiment analysis — opt-in, requires project_config.brand_name
    _brand_name = getattr(project_config, "brand_name", None)
    if _brand_name:
        from geo_optimizer.core.audit_sentiment import audit_brand_sentiment

        result.brand_sentiment = await asyncio.to_thread(
            audit_brand_sentiment,
            _brand_name,
            provider=getattr(project_config, "llm_provider", None),
            api_key=getattr(project_config, "llm_api_key", None),
            model=getattr(project_config, "llm_model", None),
        )

    return content, ai_disc, cdn_result, js_result
