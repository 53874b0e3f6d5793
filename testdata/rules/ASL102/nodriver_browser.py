# nodriver (and zendriver): start(), navigation and element calls are
# coroutines. zendriver's Browser.stop() is one too (since its first
# release); nodriver's is synchronous.
import nodriver as uc
import zendriver


async def scrape(url):
    browser = uc.start()  # want: ASL102
    return browser


async def title(url):
    browser = await uc.start()
    tab = browser.get(url)  # want: ASL102
    return tab


async def click_login(url):
    browser = await uc.start(headless=True)
    tab = await browser.get(url)
    button = await tab.select("button#login")
    button.click()  # want: ASL102
    await tab.sleep(1)
    content = await tab.get_content()
    browser.stop()  # quiet: stop() is synchronous
    return content


async def zen(url):
    browser = await zendriver.start()
    page = await browser.get(url)
    page.reload()  # want: ASL102
    return await page.evaluate("document.title")


async def zen_stop(url):
    browser = await zendriver.start()
    page = await browser.get(url)
    content = await page.get_content()
    browser.stop()  # want: ASL102 "coroutine `browser.stop\(\)` is never awaited"
    return content


async def zen_stop_ok(url):
    browser = await zendriver.start()
    await browser.update_targets()
    await browser.stop()  # quiet: awaited
