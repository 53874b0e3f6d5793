# Playwright's async API passes each event's object to the handlers that
# page.on / context.on register: a Response for "response", a Request for
# "request", a Dialog for "dialog". Their I/O methods are coroutines, and so
# are those of the Response that navigation gives.
from playwright.async_api import async_playwright


async def capture(url):
    captured = []

    async def handle_response(response):
        try:
            body = response.json()  # want: ASL102 "coroutine `response\.json\(\)` is never awaited: it is stored in `body` and tested with `isinstance\(\.\.\., dict\)`, which a coroutine object never passes"
        except Exception:
            return
        if not isinstance(body, dict):
            return
        captured.append(body.get("data"))

    async def handle_request(request):
        headers = request.all_headers()  # want: ASL102
        print(headers["user-agent"])

    async def handle_dialog(dialog):
        dialog.accept()  # want: ASL102

    async with async_playwright() as p:
        browser = await p.chromium.launch(headless=True)
        page = await browser.new_page()
        page.on("response", handle_response)
        page.on("request", handle_request)
        page.once("dialog", handle_dialog)
        await page.goto(url)
        await browser.close()
    return captured


async def first_response(url):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        response = await page.goto(url)
        return response.text()  # want: ASL102


async def capture_awaited(url):
    captured = []

    async def handle_response(response):
        # Quiet: awaited.
        body = await response.json()
        captured.append(body)

    async def on_console(message):
        # Quiet: a ConsoleMessage's text is a plain method.
        print(message.text)

    async with async_playwright() as p:
        browser = await p.chromium.launch()
        context = await browser.new_context()
        page = await context.new_page()
        page.on("response", handle_response)
        page.on("console", on_console)
        await page.goto(url)
    return captured


async def capture_unknown_event(emitter):
    async def handle(response):
        # Quiet: registered with an emitter of unknown type.
        return response.json()

    emitter.on("response", handle)
