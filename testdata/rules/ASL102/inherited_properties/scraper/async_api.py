# An inherited property that returns an attribute of self reads it on the
# instance it is read on: here the subclass sets it from awaited calls.
from playwright.async_api import async_playwright

from scraper.base import ScraperBase


class AsyncScraper(ScraperBase):
    async def __aenter__(self):
        self._playwright = await async_playwright().start()
        self._browser = await self.playwright.chromium.launch(headless=True)
        self._context = await self.browser.new_context()
        return self

    async def scrape(self, url):
        self.context.clear_cookies()  # want: ASL102 "coroutine `self.context.clear_cookies\(\)` is never awaited"
        await self.context.clear_cookies()
        page = await self.context.new_page()
        await page.goto(url)
        self.browser.close()  # want: ASL102
        return self.name.upper()

    async def reset(self):
        # The attribute itself, set from an await on a base property's
        # value (only the project can say what `self.browser` is).
        self._context.clear_cookies()  # want: ASL102 "coroutine `self._context.clear_cookies\(\)` is never awaited"
        self._context.set_default_timeout(1000)
        await self._context.clear_permissions()
        return self._context.pages
