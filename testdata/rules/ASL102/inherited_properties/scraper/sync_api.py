# Quiet: the synchronous subclass sets the same attributes from the
# synchronous API, whose methods run at once.
from playwright.sync_api import sync_playwright

from scraper.base import ScraperBase


class SyncScraper(ScraperBase):
    def __enter__(self):
        self._playwright = sync_playwright().start()
        self._browser = self.playwright.chromium.launch(headless=True)
        self._context = self.browser.new_context()
        return self

    def scrape(self, url):
        self.context.clear_cookies()
        page = self.context.new_page()
        page.goto(url)
        self.browser.close()


class NotSet(ScraperBase):
    async def scrape(self):
        # Quiet: nothing sets _context on this class; its type is unknown.
        self.context.clear_cookies()
