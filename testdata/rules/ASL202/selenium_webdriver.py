# Selenium's WebDriver is a synchronous HTTP client of the driver process:
# constructing one starts chromedriver/geckodriver and a browser session,
# every command (get, find_element, quit...) is a blocking request
# (selenium/webdriver/remote/webdriver.py; Maksonik/stream_telegram_bot's
# Celery task scrapes a YouTube page this way inside a coroutine).
import asyncio

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.firefox.webdriver import WebDriver as FirefoxDriver


async def stream_page(url):
    options = webdriver.ChromeOptions()
    options.add_argument("--headless")
    with webdriver.Chrome(options=options) as driver:  # want: ASL202
        driver.get(url + "/streams")  # want: ASL202
        title = driver.find_element(By.ID, "video-title-link")  # want: ASL202
        return title.text, driver.page_source


async def remote_screenshot(hub, url):
    driver = webdriver.Remote(command_executor=hub)  # want: ASL202
    try:
        driver.get(url)  # want: ASL202
        driver.save_screenshot("page.png")  # want: ASL202
    finally:
        driver.quit()  # want: ASL202


async def firefox(url):
    driver = FirefoxDriver()  # want: ASL202
    driver.refresh()  # want: ASL202


# Quiet: the options object only collects arguments; the work offloaded to a
# thread; a receiver that is not a WebDriver (`get`/`close` of other objects,
# a driver handed in whose type is unknown); sync code.
def fetch_sync(url):
    with webdriver.Chrome() as driver:
        driver.get(url)
        return driver.page_source


class Cache:
    def get(self, key):
        return key

    def close(self):
        pass


async def quiet(url, driver, cache: Cache):
    options = webdriver.ChromeOptions()
    options.add_argument("--headless")
    page = await asyncio.to_thread(fetch_sync, url)
    cache.get(url)
    cache.close()
    driver.get(url)
    return page
