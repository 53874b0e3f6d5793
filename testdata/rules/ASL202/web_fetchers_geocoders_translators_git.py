# geopy's geocoders (with their default synchronous adapter), trafilatura's
# and newspaper's downloads, deep-translator's translators and GitPython's
# clone/fetch/pull/push wait on a remote service on the calling thread. The
# receivers are typed from the libraries' constructors, never from the
# method names.
import asyncio

import newspaper
import trafilatura
from deep_translator import GoogleTranslator
from geopy.adapters import AioHTTPAdapter
from geopy.geocoders import Nominatim
from git import Repo
from newspaper import Article


async def locate(address: str):
    geolocator = Nominatim(user_agent="bot")
    location = geolocator.geocode(address)  # want: ASL202
    return geolocator.reverse((location.latitude, location.longitude))  # want: ASL202


async def page_text(url: str):
    html = trafilatura.fetch_url(url)  # want: ASL202
    return trafilatura.extract(html)


async def article_text(url: str):
    article = Article(url)
    article.download()  # want: ASL202
    article.parse()
    return article.text


async def site_articles(url: str):
    return newspaper.build(url, memoize_articles=False)  # want: ASL202


async def translate(text: str):
    return GoogleTranslator(source="auto", target="en").translate(text)  # want: ASL202


async def update_checkout(path: str):
    repo = Repo(path)
    repo.remote("origin").pull()  # want: ASL202
    return repo.head.commit.hexsha


async def fetch_origin(path: str):
    Repo(path).remotes.origin.fetch()  # want: ASL202


async def clone(url: str, path: str):
    return Repo.clone_from(url, path)  # want: ASL202


def geocode_all(addresses):
    geolocator = Nominatim(user_agent="bot")
    return [geolocator.geocode(a) for a in addresses]


async def import_addresses(addresses):
    return geocode_all(addresses)  # want: ASL201


# Quiet: offloaded to a thread, the geocoder built with geopy's asyncio
# adapter and awaited, plain functions, and other classes' methods of the
# same names.

async def offloaded(addresses):
    return await asyncio.to_thread(geocode_all, addresses)


async def offloaded_translation(text: str):
    translator = GoogleTranslator(source="auto", target="en")
    return await asyncio.to_thread(translator.translate, text)


async def async_adapter(address: str):
    async with Nominatim(user_agent="bot", adapter_factory=AioHTTPAdapter) as geolocator:
        return await geolocator.geocode(address)


def sync_pull(path: str):
    Repo(path).remote().pull()
    Repo(path).remotes.origin.push()


class Cache:
    def geocode(self, address):
        return address

    def download(self):
        return None

    def translate(self, text):
        return text


async def others(cache: Cache, address: str):
    cache.download()
    cache.translate(address)
    return cache.geocode(address)
