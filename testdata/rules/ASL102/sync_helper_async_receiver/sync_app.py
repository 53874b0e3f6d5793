from playwright.sync_api import Page

from helpers import warm_up


def open_page_sync(page: Page):
    warm_up(page)
