# Beautiful Soup parses the whole document on the calling thread. A page an
# async HTTP client has just downloaded is reported (crawlers parse many of
# them on one loop); a fragment (a parameter, a literal, a message body) is
# not, nor a parse run in a worker thread or outside a coroutine.
import asyncio

import aiohttp
import bs4
from bs4 import BeautifulSoup


async def fetch_document(session: aiohttp.ClientSession, url: str):
    async with session.get(url) as resp:
        return BeautifulSoup(await resp.text(), "html.parser")  # want: ASL202


async def parse_response(response):
    html = await response.read()
    return BeautifulSoup(html, features="lxml")  # want: ASL202


async def parse_decoded(client, url):
    resp = await client.get(url)
    return bs4.BeautifulSoup(markup=resp.content.decode(), features="lxml")  # want: ASL202


async def parse_in_a_thread(session: aiohttp.ClientSession, url: str):
    async with session.get(url) as resp:
        html = await resp.text()
    return await asyncio.to_thread(BeautifulSoup, html, "lxml")


async def plain_text_of_a_message(formatted_body: str):
    return BeautifulSoup(formatted_body, "html.parser").get_text()


async def parse_literal():
    return BeautifulSoup("<p>hello</p>", "html.parser").p.text


async def links_of(html_content: str):
    soup = bs4.BeautifulSoup(html_content, features="html.parser")
    return [a["href"] for a in soup.find_all("a")]


def parse_sync(html: str):
    return BeautifulSoup(html, "lxml")


# Quiet: awaited values that are no downloaded page. What a client sent to
# the server (a fragment to sanitise), a rendered template, a message body,
# a websocket frame, a thread's result.
async def sanitize(request):
    payload = await request.json()
    return BeautifulSoup(payload["html"], "html.parser").get_text()


async def sanitize_text(req):
    return BeautifulSoup(await req.text(), "html.parser").get_text()


async def render_markdown(md, renderer):
    html = await renderer.render(md)
    return BeautifulSoup(html, "html.parser")


async def message_text(msg):
    body = await msg.get_body()
    return BeautifulSoup(body, "html.parser").text


async def frame_text(ws):
    frag = await ws.receive_str()
    return BeautifulSoup(frag, "html.parser")


async def parse_thread_result(fetch):
    html = await asyncio.to_thread(fetch)
    return BeautifulSoup(html, "lxml")


# Fires: a function named for fetching a page.
async def parse_fetched(url):
    html = await fetch_html(url)
    return BeautifulSoup(html, "lxml")  # want: ASL202


async def fetch_html(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.text()


# Fires: a crawler's request, and a page read on one path at least (a
# redirect fetches it again through the method itself).
class Scanner:
    async def check(self, crawler, request):
        response = await crawler.async_send(request, follow_redirects=True)
        return BeautifulSoup(response.content, "html.parser")  # want: ASL202

    async def find_login(self, session: aiohttp.ClientSession):
        reply = await session.get("http://router/login.html")
        text = await reply.text()
        soup = BeautifulSoup(text, "html.parser")  # want: ASL202
        if soup.find("meta"):
            text = await self.find_login(session)
        return text
