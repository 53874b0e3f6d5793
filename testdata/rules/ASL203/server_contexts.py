# A server's TLS context (one that authenticates clients:
# Purpose.CLIENT_AUTH, PROTOCOL_TLS_SERVER) is built once, when the server
# starts listening; a client's context is built for each connection.
import asyncio
import ssl
from ssl import Purpose, create_default_context


async def serve(handler, cert, key):
    # Quiet: a server's context and the loaders called on it.
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    other = create_default_context(purpose=Purpose.CLIENT_AUTH, cafile=cert)
    raw = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    raw.load_cert_chain(cert, key)
    raw2: ssl.SSLContext = ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_SERVER)
    raw2.load_verify_locations(cert)
    return await asyncio.start_server(handler, port=8443, ssl=ctx), other


def server_context(cert, key):
    ctx = create_default_context(Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


async def start(handler, cert, key):
    # Quiet through a helper too.
    return await asyncio.start_server(handler, port=8443, ssl=server_context(cert, key))


async def connect(host, cert, key):
    # A client's context, with its own certificate: reported.
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)  # want: ASL203 "`ssl\.create_default_context\(\)` blocks the event loop"
    ctx.load_cert_chain(cert, key)  # want: ASL203
    raw = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    raw.load_default_certs()  # want: ASL203
    return await asyncio.open_connection(host, 443, ssl=ctx)
