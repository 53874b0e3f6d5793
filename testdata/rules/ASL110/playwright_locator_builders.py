# Playwright's async API builds locators with plain methods that return a
# Locator at once; awaiting one raises "object Locator can't be used in
# 'await' expression". So do the registration of handlers and the timeout
# setters, which return None. Their actions are coroutines and are awaited.
from playwright.async_api import async_playwright


async def render(html, use_mathjax=False):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        context = await browser.new_context()
        page = await context.new_page()
        await page.set_content(html)
        locator = await page.locator("#table table")  # want: ASL110 "`playwright\.async_api\.Page\.locator` is a plain method"
        button = await page.get_by_role("button", name="OK")  # want: ASL110
        rows = page.locator("tr")
        row = await rows.nth(0)  # want: ASL110
        await page.on("console", print)  # want: ASL110
        await page.set_default_timeout(1000)  # want: ASL110
        bbox = await page.locator("#table table").bounding_box()
        await page.get_by_text("Done").click()
        await browser.close()
        return bbox, button, row


async def unknown(obj):
    # An untyped receiver may be anything: its locator() may be a coroutine.
    return await obj.locator("#table")
