# Playwright's async API: iterating the list that `await locator.all()` or
# `await page.query_selector_all(...)` gives binds Locators and
# ElementHandles, whose actions and queries are coroutines; so are the
# methods of a page's keyboard and mouse, and of the locators that the
# plain builders (`get_by_role`, `nth`, `first`) give. pyppeteer's
# `querySelectorAll` and nodriver's `select_all` give element lists too.
# The matchers of `expect(...)` (web-first assertions) are coroutines.
import nodriver as uc
import pyppeteer
from playwright.async_api import Page, async_playwright, expect
from playwright.sync_api import expect as sync_expect
from playwright.sync_api import sync_playwright


class Solver:
    page: Page

    def __init__(self, page: Page) -> None:
        self.page = page

    async def any_visible(self, selectors: list[str]) -> bool:
        for selector in selectors:
            for ele in await self.page.locator(selector).all():
                if ele.is_visible():  # want: ASL102 "coroutine `ele\.is_visible\(\)` is never awaited: it is used as a condition"
                    return True
        return False

    async def click_items(self):
        items = await self.page.get_by_role("listitem").all()
        for item in items:
            item.click()  # want: ASL102

    async def first_items(self):
        # An item read by index of the awaited list, or of a name bound to it.
        (await self.page.locator("li").all())[0].click()  # want: ASL102
        items = await self.page.get_by_role("listitem").all()
        items[-1].hover()  # want: ASL102

    async def submit(self):
        self.page.keyboard.press("Enter")  # want: ASL102
        self.page.mouse.move(10, 20)  # want: ASL102
        self.page.get_by_text("Next").first.click()  # want: ASL102
        self.page.locator("li").nth(2).dblclick()  # want: ASL102

    async def check_welcome(self):
        expect(self.page.get_by_text("Welcome")).to_be_visible()  # want: ASL102 "coroutine `expect\(self\.page\.get_by_text\(\"Welcome\"\)\)\.to_be_visible\(\)` is never awaited"
        expect(self.page).to_have_url("https://example.org/home")  # want: ASL102
        expect(self.page.locator(".error")).not_to_be_visible()  # want: ASL102


async def links(url):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        await page.goto(url)
        first = await page.query_selector("a")
        first.click()  # want: ASL102
        texts = []
        for a in await page.query_selector_all("a"):
            a.scroll_into_view_if_needed()  # want: ASL102
            texts.append(await a.text_content())
        box = page.locator("table").bounding_box()  # want: ASL102
        print(box["width"])
        await browser.close()
        return texts


async def pyppeteer_links(url):
    browser = await pyppeteer.launch()
    page = await browser.newPage()
    await page.goto(url)
    for handle in await page.querySelectorAll("a"):
        handle.click()  # want: ASL102
    await browser.close()


async def nodriver_buttons(url):
    browser = await uc.start()
    tab = await browser.get(url)
    for button in await tab.select_all("button"):
        button.click()  # want: ASL102


# Quiet: the nearest correct code. Every coroutine of the items, keyboard,
# mouse and built locators is awaited; the synchronous API's objects are not
# coroutines; a list that is not the awaited result of a known library call
# gives items of unknown type.
class QuietSolver:
    page: Page

    def __init__(self, page: Page) -> None:
        self.page = page

    async def any_visible(self, selectors: list[str]) -> bool:
        for selector in selectors:
            for ele in await self.page.locator(selector).all():
                if await ele.is_visible():
                    return True
        return False

    async def click_items(self):
        items = await self.page.get_by_role("listitem").all()
        for item in items:
            await item.click()

    async def first_items(self):
        await (await self.page.locator("li").all())[0].click()
        items = await self.page.get_by_role("listitem").all()
        await items[-1].hover()
        items[1:][0].hover()  # a slice's item: not followed

    async def submit(self):
        await self.page.keyboard.press("Enter")
        await self.page.mouse.move(10, 20)
        await self.page.get_by_text("Next").first.click()
        await self.page.locator("li").nth(2).dblclick()
        await expect(self.page.get_by_text("Welcome")).to_be_visible()
        await expect(self.page).to_have_url("https://example.org/home")
        locator = self.page.locator("li").filter(has_text="x")
        return locator

    async def handles(self, handles):
        for handle in handles:
            handle.click()


async def quiet_links(url):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        await page.goto(url)
        first = await page.query_selector("a")
        if first:
            await first.click()
        texts = [await a.text_content() for a in await page.query_selector_all("a")]
        box = await page.locator("table").bounding_box()
        print(box["width"])
        await browser.close()
        return texts


def quiet_sync_links(url):
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        page.goto(url)
        for a in page.locator("a").all():
            if a.is_visible():
                a.click()
        page.locator("a").all()[0].click()
        page.keyboard.press("Enter")
        sync_expect(page.get_by_text("Welcome")).to_be_visible()
        browser.close()


async def quiet_pyppeteer_links(url):
    browser = await pyppeteer.launch()
    page = await browser.newPage()
    await page.goto(url)
    for handle in await page.querySelectorAll("a"):
        await handle.click()
    await browser.close()


async def quiet_nodriver_buttons(url):
    browser = await uc.start()
    tab = await browser.get(url)
    for button in await tab.select_all("button"):
        await button.click()
