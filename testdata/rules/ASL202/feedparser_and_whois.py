# feedparser.parse downloads a URL with urllib on the calling thread before
# parsing it; given a document an async HTTP client already downloaded
# (an awaited value, or an attribute of one), it fetches nothing and is not
# reported. python-whois's whois.whois and the whois package's whois.query
# wait on a registry's whois server.
import asyncio

import aiohttp
import feedparser
import httpx
import whois


async def fetch_jobs(url: str):
    feed = feedparser.parse(url)  # want: ASL202 "feedparser\.parse\(\)"
    return feed.entries


async def fetch_literal():
    return feedparser.parse("https://weworkremotely.com/remote-jobs.rss")  # want: ASL202


async def domain_age(domain: str):
    record = whois.whois(domain)  # want: ASL202
    return record.creation_date


async def domain_query(domain: str):
    return whois.query(domain)  # want: ASL202


def _rss(url: str):
    return feedparser.parse(url).entries


async def through_helper(url: str):
    return _rss(url)  # want: ASL201


# Quiet: documents already downloaded by an async client (awaited values
# and their attributes, a markup literal, bytes), calls offloaded to a
# thread, and plain functions.

async def downloaded(session: aiohttp.ClientSession, client: httpx.AsyncClient, url: str):
    async with session.get(url) as resp:
        a = feedparser.parse(await resp.text())
    response = await client.get(url)
    b = feedparser.parse(response.text)
    body = response.content
    c = feedparser.parse(body)
    d = feedparser.parse("<rss><channel></channel></rss>")
    e = feedparser.parse(b"<rss/>")
    return a, b, c, d, e


async def offloaded(url: str, domain: str):
    feed = await asyncio.to_thread(feedparser.parse, url)
    record = await asyncio.to_thread(whois.whois, domain)
    return feed, record


def sync_fetch(url: str):
    return feedparser.parse(url), whois.whois(url)


# An awaited record that holds the feed's address is no document: the
# address named by an attribute, a key or the name it is kept in is fetched.
async def refresh(store, db, settings, feed_id):
    feed = await store.get(feed_id)
    a = feedparser.parse(feed.url)  # want: ASL202 "\(and 2 more calls in `refresh`: lines 72, 74\)"
    row = await db.fetchrow("select link from feeds")
    b = feedparser.parse(row["link"])  # reported: named by line 70's finding
    feed_url = await settings.get("feed")
    c = feedparser.parse(feed_url)  # reported: named by line 70's finding
    return a, b, c
