# supabase-py's async client: `execute()` of a PostgREST query is a
# coroutine that sends nothing until awaited.
from supabase import AsyncClient, acreate_client


async def make(url, key):
    client = await acreate_client(url, key)
    client.table("events").insert({"kind": "start"}).execute()  # want: ASL102 "coroutine `client\.table\(\"events\"\)\.insert\(\{\"kind\": \"start\"\}\)\.execute\(\)` is never awaited"
    return client


async def fetch(client: AsyncClient, event_id):
    res = client.table("events").select("*").eq("id", event_id).maybe_single().execute()  # want: ASL102 "is never awaited"
    return res.data


# Quiet: awaited.
async def fetch_ok(client: AsyncClient, event_id):
    res = await client.table("events").select("*").eq("id", event_id).execute()
    return res.data
