import asyncio

from aiohttp import web

import myapp.utils.http as http
from myapp.services import UserRepo, get_user
from myapp.utils.files import read_rows

repo = UserRepo()


async def user_handler(request):
    user_id = request.match_info["id"]
    user = get_user(user_id)  # want: ASL201
    return web.json_response(user)


async def repo_handler(request):
    user = repo.find(request.match_info["id"])  # want: ASL201
    repo.export("/tmp/out")  # want: ASL201
    return web.json_response(user)


async def import_handler(request):
    rows = read_rows("users.csv")  # want: ASL201
    for row in rows:
        http.post_json("https://api.example.com/users", row)  # want: ASL201
    return web.json_response({"n": len(rows)})


async def good_handler(request):
    rows = await asyncio.to_thread(read_rows, "users.csv")
    user = await asyncio.get_running_loop().run_in_executor(None, get_user, "1")
    return web.json_response({"rows": rows, "user": user})


def sync_cli():
    print(get_user("1"))


app = web.Application()
app.add_routes([web.get("/users/{id}", user_handler)])
