# supabase-py's sync client sends each PostgREST query with a blocking HTTP
# request in `execute()`; building the query (`table`, `select`, filters)
# sends nothing.
import asyncio
import os

from supabase import Client, create_client

supabase: Client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])


async def save(row):
    result = supabase.table("listings").insert(row).execute()  # want: ASL202 "`supabase\.table\(\"listings\"\)\.insert\(row\)\.execute\(\)` \(postgrest\.SyncQueryRequestBuilder\.execute\) blocks the event loop in async function `save`; use the async client"
    return result.data[0]["id"]


async def load(listing_id, user_id):
    result = (
        supabase.table("listings")  # want: ASL202 "\(postgrest\.SyncSingleRequestBuilder\.execute\)"
        .select("*")
        .eq("id", listing_id)
        .eq("user_id", user_id)
        .single()
        .execute()
    )
    return result.data


async def archive(client: Client, listing_id):
    client.from_("listings").update({"status": "archived"}).eq("id", listing_id).execute()  # want: ASL202 "\(postgrest\.SyncFilterRequestBuilder\.execute\)"
    client.rpc("purge", {"id": listing_id}).execute()  # want: ASL202 "\(postgrest\.SyncFilterRequestBuilder\.execute\)"


# Quiet: the query runs in a thread; a query built but not sent; sync code.
async def save_in_thread(row):
    return await asyncio.to_thread(lambda: supabase.table("listings").insert(row).execute())


async def build_only(listing_id):
    return supabase.table("listings").select("*").eq("id", listing_id)


def save_sync(row):
    return supabase.table("listings").insert(row).execute()
