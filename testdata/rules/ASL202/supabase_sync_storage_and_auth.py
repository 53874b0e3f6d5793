# supabase-py's sync client also blocks in its storage and auth sub-clients:
# each file call on a bucket (`client.storage.from_(bucket).download(path)`)
# is an HTTP request to Supabase Storage, and `client.auth.get_user(jwt)`
# (and the admin API under `client.auth.admin`) one to Supabase Auth. Calls
# that only build a URL or read local state send nothing.
import asyncio
import os

from supabase import Client, create_client

supabase: Client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])


async def fetch_image(path):
    return supabase.storage.from_("images").download(path)  # want: ASL202 "`supabase\.storage\.from_\(\"images\"\)\.download\(\)` \(storage3\.SyncBucketProxy\.download\) blocks the event loop in async function `fetch_image`; use the async client \(`await supabase\.acreate_client\(\.\.\.\)`\) and await the call"


async def store(client: Client, path, data):
    bucket = client.storage.from_("uploads")
    bucket.upload(path, data)  # want: ASL202 "\(storage3\.SyncBucketProxy\.upload\)"


async def current_user(token):
    user = supabase.auth.get_user(token)  # want: ASL202 "\(supabase_auth\.SyncGoTrueClient\.get_user\)"
    return user.user.id


async def remove_user(user_id):
    supabase.auth.admin.delete_user(user_id)  # want: ASL202 "\(supabase_auth\.SyncGoTrueAdminAPI\.delete_user\)"


# Quiet: in a thread; a URL built locally; sync code; the async client.
async def fetch_in_thread(path):
    return await asyncio.to_thread(lambda: supabase.storage.from_("images").download(path))


async def public_url(path):
    await asyncio.sleep(0)
    return supabase.storage.from_("images").get_public_url(path)


def fetch_sync(path):
    return supabase.storage.from_("images").download(path)


async def fetch_async(path):
    from supabase import acreate_client

    client = await acreate_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])
    data = await client.storage.from_("images").download(path)
    user = await client.auth.get_user("token")
    return data, user
