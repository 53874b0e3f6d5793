# tavily-python: TavilyClient's methods are HTTPS requests (bench/realbugs26,
# a research agent's search tool); AsyncTavilyClient's are coroutines.
import asyncio

from tavily import AsyncTavilyClient, TavilyClient

DOMAINS = ["pubmed.ncbi.nlm.nih.gov"]


async def search(query):
    client = TavilyClient(api_key="x")
    return client.search(query=query, include_domains=DOMAINS)  # want: ASL202 "`client\.search\(\)` \(tavily\.TavilyClient\.search\) blocks the event loop"


async def extract(urls):
    return TavilyClient(api_key="x").extract(urls=urls)  # want: ASL202


# Quiet: the async client awaited, the sync one in a thread or a sync function.
async def search_async(query):
    client = AsyncTavilyClient(api_key="x")
    return await client.search(query=query)


async def search_in_thread(query):
    client = TavilyClient(api_key="x")
    return await asyncio.to_thread(client.search, query=query)


def search_sync(query):
    return TavilyClient(api_key="x").search(query=query)
