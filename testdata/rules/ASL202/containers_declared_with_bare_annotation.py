# A container declared with a bare annotation and filled one item at a time:
# `self.imap_connections: dict = {}` in __init__, an imaplib connection
# stored under each account, then `conn = self.imap_connections[account]`
# and `for conn in self.imap_connections.values()` in coroutines
# (realbugs90 nekro-agent's e-mail adapter). A bare `dict` or `list` says
# nothing of the items: they are what the stores and adds give, as without
# the annotation.
import imaplib
from typing import Dict, List


class MailAdapter:
    def __init__(self):
        self.imap_connections: dict = {}

    async def connect(self, user, password):
        conn = imaplib.IMAP4_SSL("imap.example.org", 993)  # want: ASL202
        conn.login(user, password)  # want: ASL202
        self.imap_connections[user] = conn

    async def raw_email(self, user, email_id):
        conn = self.imap_connections[user]
        return conn.fetch(email_id, "(RFC822)")  # want: ASL202

    async def cleanup(self):
        for conn in self.imap_connections.values():
            conn.logout()  # want: ASL202
        self.imap_connections.clear()

    def status(self):
        return {"accounts": list(self.imap_connections.keys()), "connected": len(self.imap_connections)}


POOL: Dict = {}
PENDING: List = []


async def remember(user):
    conn = imaplib.IMAP4("localhost")  # want: ASL202
    POOL[user] = conn
    PENDING.append(conn)


async def ping(user):
    return POOL[user].noop()  # want: ASL202


async def drain():
    for conn in PENDING:
        conn.logout()  # want: ASL202


# Quiet: the connections are used in a thread, the annotation names the
# items (an async client), or the mapping is handed out and may hold
# anything.


class Threaded:
    def __init__(self):
        self.threaded_connections: dict = {}

    def _fetch(self, user, email_id):
        return self.threaded_connections[user].fetch(email_id, "(RFC822)")

    async def raw_email(self, user, email_id):
        import asyncio

        return await asyncio.to_thread(self._fetch, user, email_id)


class Shared:
    def __init__(self, registry):
        self.shared_connections: dict = {}
        registry.register(self.shared_connections)

    async def raw_email(self, user, email_id):
        return self.shared_connections[user].fetch(email_id, "(RFC822)")
