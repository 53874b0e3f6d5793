import asyncio
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from aiohttp import web

CONFIG_PATH = Path(__file__).parent / "config.json"
routes = web.RouteTableDef()


@routes.get("/config")
async def get_config(request: web.Request) -> web.Response:
    with open(CONFIG_PATH) as fh:  # want: ASYNC230
        data = json.load(fh)
    return web.json_response(data)


@routes.post("/upload")
async def upload(request: web.Request) -> web.Response:
    body = await request.read()
    dest = Path("/srv/uploads") / request.match_info.get("name", "blob")
    f = open(dest, "wb")  # want: ASYNC230
    try:
        f.write(body)
    finally:
        f.close()
    return web.Response(status=201)


@routes.get("/report")
async def report(request: web.Request) -> web.Response:
    tmp = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)  # want: ASYNC230
    return web.Response(text=tmp.name)


class TemplateCache:
    templates_dir = Path("templates")

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    async def render(self, name: str, **ctx: Any) -> str:
        if name not in self._cache:
            with (self.templates_dir / name).open() as fh:  # want: ASYNC230
                self._cache[name] = fh.read()
        return self._cache[name].format(**ctx)

    def preload(self, name: str) -> None:
        # Quiet: sync method.
        with open(self.templates_dir / name) as fh:
            self._cache[name] = fh.read()


def _read(path: str) -> str:
    with open(path) as fh:
        return fh.read()


async def read_config_properly(path: str) -> dict:
    # Quiet: the file work runs in a thread.
    text = await asyncio.to_thread(_read, path)
    raw = await asyncio.get_running_loop().run_in_executor(None, lambda: open(path).read())
    return json.loads(text or raw)


async def in_memory() -> str:
    # Quiet: io.StringIO is not a file on disk.
    buf = io.StringIO()
    buf.write("hello")
    return buf.getvalue()


async def shadowed_open(open, path: str) -> None:
    # Quiet: `open` is a parameter here (an injected async opener).
    async with open(path) as fh:
        await fh.read()


async def aiofiles_style(path: str) -> str:
    import aiofiles

    async with aiofiles.open(path) as fh:
        return await fh.read()


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    with open("pid", "w") as fh:
        fh.write("1")
    web.run_app(make_app())
