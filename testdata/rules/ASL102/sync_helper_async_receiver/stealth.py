# A synchronous helper shared by a library's sync and async clients drops
# a method call on its parameter; a coroutine passes the async client, for
# which the method is a coroutine (tf-playwright-stealth's
# `generate_stealth_headers(properties, page)` called by `stealth_async`,
# bench/realbugs61: "coroutine 'Page.route' was never awaited").
import inspect
from typing import Union

from playwright.async_api import Page as AsyncPage
from playwright.sync_api import Page as SyncPage


def set_headers(page: Union[AsyncPage, SyncPage], headers):
    page.route("**/*", lambda route: route.continue_(headers=headers))  # want: ASL102 "`set_headers\(\)` drops the result, and line 43 passes `page`, a `playwright.async_api.Page`"


def add_script(page, script):
    page.add_init_script(script)  # want: ASL102 "line 44 passes `page`, a `playwright.async_api.Page`, as `page`"


def set_headers_checked(page: Union[AsyncPage, SyncPage], headers):
    if isinstance(page, SyncPage):
        page.route("**/*", lambda route: route.continue_(headers=headers))


def route_of(page, headers):
    return page.route("**/*", lambda route: route.continue_(headers=headers))


def maybe_route(page, headers):
    result = page.route("**/*", lambda route: route.continue_(headers=headers))
    if inspect.isawaitable(result):
        return result
    return None


def stealth_sync(page: SyncPage):
    set_headers(page, {})
    add_script(page, "")


async def stealth_async(page: AsyncPage):
    set_headers(page, {})
    add_script(page, "")
    set_headers_checked(page, {})
    await route_of(page, {})
    awaitable = maybe_route(page, {})
    if awaitable is not None:
        await awaitable


# Quiet: the coroutine passes the sync client.
async def stealth_of_sync(page: SyncPage):
    set_headers(page, {})
