import asyncio
import ssl

import aiomqtt
import paho.mqtt.client as mqtt

# Setting TLS up from certificate files reads them: aiomqtt's Client does it
# in its constructor when given tls_params, paho's tls_set always.


async def listen(ca: str, cert: str, key: str):
    params = aiomqtt.TLSParameters(ca_certs=ca, certfile=cert, keyfile=key, cert_reqs=ssl.CERT_REQUIRED)
    async with aiomqtt.Client(hostname="broker", port=8883, tls_params=params) as client:  # want: ASYNC230 "`aiomqtt.Client\(\)` blocks the event loop in async function `listen`; build the SSL context in `await asyncio.to_thread\(...\)`.*the client itself must be built on the loop"
        await client.subscribe("status")


async def connect_paho(client: mqtt.Client, ca: str):
    client.tls_set(ca_certs=ca)  # want: ASYNC230 "with `tls_set_context\(ctx\)`"


# Quiet: no TLS files, or an SSL context built in a worker thread.
def _context(ca: str, cert: str, key: str) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    ctx.load_verify_locations(cafile=ca)
    ctx.load_cert_chain(certfile=cert, keyfile=key)
    return ctx


async def listen_with_context(ca: str, cert: str, key: str):
    ctx = await asyncio.to_thread(_context, ca, cert, key)
    async with aiomqtt.Client(hostname="broker", port=8883, tls_context=ctx) as client:
        await client.subscribe("status")


async def listen_plain():
    async with aiomqtt.Client("broker", tls_params=None) as client:
        await client.subscribe("status")
