from playwright.async_api import Page

from helpers import warm_up, warm_up_async_only


async def open_page(page: Page):
    warm_up(page)  # want: ASL102 "`page` is a `playwright.async_api.Page`, passed to `warm_up\(\)` as `page`, which calls `page.goto\(\)` on it without awaiting"
    warm_up_async_only(page)
