# A file read in a web framework's start-up hook before it first suspends
# or starts a task is made before the server serves, with nothing else on
# the loop (ASL202's startup_hooks_*.py; a deliberate difference from
# flake8-async, as for a new loop's main coroutine). After a task is
# started, after the first await and after the yield (shutdown) it is
# reported.
import asyncio
import json

from aiohttp import web


async def poll():
    while True:
        await asyncio.sleep(1)


async def settings_ctx(app):
    with open("settings.json") as f:  # quiet: the first start-up code, nothing served yet
        app["settings"] = json.load(f)
    app["poller"] = asyncio.create_task(poll())
    with open("more.json") as f:  # want: ASYNC230
        app["more"] = json.load(f)
    yield
    with open("settings.json", "w") as f:  # want: ASYNC230
        json.dump(app["settings"], f)


async def handle(request):
    with open("settings.json") as f:  # want: ASYNC230
        return web.json_response(json.load(f))


app = web.Application()
app.cleanup_ctx.append(settings_ctx)
app.router.add_get("/", handle)

if __name__ == "__main__":
    web.run_app(app)
