# The base class of both APIs: its properties return attributes that each
# subclass sets in its own way (the async one from awaited Playwright calls).


class ScraperBase:
    @property
    def playwright(self):
        if not hasattr(self, "_playwright"):
            raise RuntimeError("use the scraper as a context manager")
        return self._playwright

    @property
    def browser(self):
        return self._browser

    @property
    def context(self):
        return self._context

    @property
    def name(self):
        return "base"
