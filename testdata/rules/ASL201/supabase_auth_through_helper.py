# A synchronous helper of the module that calls the sync Supabase client's
# auth (`supabase.auth.get_user(token)`, an HTTP request to Supabase Auth)
# blocks the coroutine that calls it; offloading the helper is quiet.
import asyncio
import os

from supabase import Client, create_client

supabase: Client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])
auth_cache = {}


def verify_token(token):
    if token in auth_cache:
        return auth_cache[token]
    user_data = supabase.auth.get_user(token)
    auth_cache[token] = user_data
    return user_data


async def current_user(token):
    user_data = verify_token(token)  # want: ASL201 "supabase\.auth\.get_user"
    return user_data.user.id


async def current_user_offloaded(token):
    user_data = await asyncio.to_thread(verify_token, token)
    return user_data.user.id
