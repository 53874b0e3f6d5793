# aiohttp-session's get_session/new_session and aiohttp-security's checks
# are coroutines (aiohttp_session/__init__.py, aiohttp_security/api.py):
# without await the session is a coroutine object and the check checks
# nothing; AsyncZeroconf's async_* methods (zeroconf/asyncio.py) and
# aioesphomeapi's APIClient requests (aioesphomeapi/client.py) alike.
# Quiet: awaited.
from aiohttp import web
from aioesphomeapi import APIClient
from aiohttp_security import authorized_userid, check_authorized, check_permission, remember
from aiohttp_session import get_session
from zeroconf.asyncio import AsyncZeroconf


async def handler(request):
    session = get_session(request)  # want: ASL102
    session["last_visit"] = 1
    return web.Response(text="ok")


async def admin(request):
    check_permission(request, "admin")  # want: ASL102
    return web.Response(text="secret")


async def profile(request):
    user = authorized_userid(request)  # want: ASL102
    if user is None:
        raise web.HTTPUnauthorized()
    return web.Response(text=str(user))


async def login(request):
    response = web.HTTPFound("/")
    remember(request, response, "alice")  # want: ASL102
    return response


# Quiet.
async def handler_awaited(request):
    session = await get_session(request)
    session["last_visit"] = 1
    await check_authorized(request)
    return web.Response(text=str(await authorized_userid(request)))



async def announce(info):
    aiozc = AsyncZeroconf()
    aiozc.async_register_service(info)  # want: ASL102
    await aiozc.async_close()


async def esphome(host):
    client = APIClient(host, 6053, None)
    client.connect(login=True)  # want: ASL102
    info = client.device_info()  # want: ASL102
    client.switch_command(1, True)
    return info.name


async def esphome_awaited(host):
    client = APIClient(host, 6053, None)
    await client.connect(login=True)
    try:
        return (await client.device_info()).name
    finally:
        await client.disconnect()
