import asyncio

from . import http
from .http import BASE, session
from svc import session as reexported


async def user(uid: int) -> dict:
    return session.get(f"{BASE}/users/{uid}").json()  # want: ASYNC210


async def org(oid: int) -> dict:
    return http.session.get(f"{BASE}/orgs/{oid}").json()  # want: ASYNC210


async def team(tid: int) -> dict:
    return reexported.post(f"{BASE}/teams/{tid}").json()  # want: ASYNC210


async def user_threaded(uid: int) -> dict:
    # Quiet: in a thread.
    resp = await asyncio.to_thread(session.get, f"{BASE}/users/{uid}")
    return resp.json()


async def headers() -> dict:
    # Quiet: dict access on the shared session is not I/O.
    return dict(session.headers)
