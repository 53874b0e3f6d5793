from typing import Optional

from fastmcp import Context as StandaloneContext
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("demo")


@mcp.tool()
async def process(step: int, total: int, ctx: Optional[Context] = None) -> str:
    if ctx:
        ctx.report_progress(step, total)  # want: ASL102 "coroutine `ctx.report_progress\(\)` is never awaited"
    return "ok"


@mcp.tool()
async def fetch(uri: str, ctx: Context) -> str:
    ctx.info(f"reading {uri}")  # want: ASL102 "coroutine `ctx.info\(\)` is never awaited"
    data = await ctx.read_resource(uri)
    await ctx.report_progress(1, 1)
    return str(data)


async def sample_it(ctx: StandaloneContext) -> None:
    ctx.sample("summarise")  # want: ASL102 "coroutine `ctx.sample\(\)` is never awaited"
    await ctx.debug("sampled")


# Quiet: awaited, or the context's plain properties.
@mcp.tool()
async def quiet(ctx: Context) -> str:
    await ctx.warning("careful")
    await ctx.error("failed")
    return ctx.request_id
