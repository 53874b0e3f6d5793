import asyncio

from server.protocol import Client, RequestHandler


async def sync_for(client: Client, seconds):
    await asyncio.wait_for(client.sync_forever(), seconds)


def serve_in_test(handler: RequestHandler):
    return asyncio.ensure_future(handler.serve())
