import asyncio
import ssl

import httpx


async def poll(url):
    async with httpx.AsyncClient(timeout=10.0) as client:  # want: ASL203 "`httpx\.AsyncClient\(\)` blocks the event loop in async function `poll`"
        return (await client.get(url)).json()


async def connect(host, cafile, cert, key):
    ctx = ssl.create_default_context()  # want: ASL203 "`ssl\.create_default_context\(\)` blocks the event loop"
    ctx.load_verify_locations(cafile)  # want: ASL203
    ctx.load_cert_chain(cert, key)  # want: ASL203
    raw = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    raw.load_default_certs()  # want: ASL203
    raw.set_default_verify_paths()  # want: ASL203
    return await asyncio.open_connection(host, 443, ssl=ctx)


def make_context(cafile):
    return ssl.create_default_context(cafile=cafile)


async def through_helper(host, cafile):
    ctx = make_context(cafile)  # want: ASL201 "it calls blocking `ssl\.create_default_context\(\)`"
    return await asyncio.open_connection(host, 443, ssl=ctx)


async def sync_client(url):
    with httpx.Client() as client:  # want: ASL203
        return client


async def transport():
    return httpx.AsyncHTTPTransport(retries=2)  # want: ASL203


# Quiet: no certificate file is read, or the work runs in a thread.
async def no_verify(url):
    async with httpx.AsyncClient(verify=False) as client:
        return await client.get(url)


async def shared_context(url, ctx: ssl.SSLContext):
    async with httpx.AsyncClient(verify=ctx) as client:
        return await client.get(url)


async def own_transport(url, tr):
    async with httpx.AsyncClient(transport=tr) as client:
        return await client.get(url)


async def options(url, **kwargs):
    async with httpx.AsyncClient(**kwargs) as client:
        return await client.get(url)


async def in_memory(pem):
    ctx = ssl.create_default_context(cadata=pem)
    ctx.load_verify_locations(cadata=pem)
    return ctx


async def offloaded(url, cafile):
    client = await asyncio.to_thread(httpx.AsyncClient)
    ctx = await asyncio.to_thread(ssl.create_default_context, cafile=cafile)
    async with client:
        return await client.get(url), ctx


def sync_code():
    return ssl.create_default_context(), httpx.Client()


async def passed_in(client: httpx.AsyncClient, url):
    return await client.get(url)
