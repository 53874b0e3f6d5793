# aiohttp runs the cleanup contexts up to their yield, then the on_startup
# handlers in order, in AppRunner.setup(), before any site listens; Quart
# runs its before_serving functions, then its while_serving generators up
# to their yield, before hypercorn serves. Served by web.run_app (a loop of
# its own), the first hook stalls nobody before it first suspends. An
# application handed to an AppRunner that the module runs beside other
# work, or one that merges a blueprint's start-up, is reported.
import asyncio

from aiohttp import web
from quart import Quart
from sentence_transformers import SentenceTransformer


model = None
reranker = None


async def model_ctx(app):
    global model
    model = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: the first start-up code
    yield
    model.encode(["bye"])  # want: ASL202


async def on_startup(app):
    app["reranker"] = SentenceTransformer("reranker")  # quiet: the cleanup context before it started nothing


async def after_a_task(app):
    app["third"] = SentenceTransformer("third")  # want: ASL202


async def starts_a_task(app):
    app["poller"] = asyncio.create_task(asyncio.sleep(60))


aio = web.Application()
aio.cleanup_ctx.append(model_ctx)
aio.on_startup.append(on_startup)
aio.on_startup.append(starts_a_task)
aio.on_startup.append(after_a_task)


async def embedded_startup(app):
    app["model"] = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202


embedded = web.Application()
embedded.on_startup.append(embedded_startup)


async def main(bot):
    runner = web.AppRunner(embedded)  # the bot already runs on this loop
    await runner.setup()
    await bot.start()


quart = Quart(__name__)


@quart.before_serving
async def quart_load():
    quart.model = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: the first before_serving function


@quart.while_serving
async def quart_lifespan():
    global reranker
    reranker = SentenceTransformer("reranker")  # quiet: quart_load started nothing
    yield
    reranker.encode(["bye"])  # want: ASL202


@quart.route("/embed")
async def quart_embed():
    return model.encode(["x"])  # want: ASL202


blueprinted = Quart(__name__)
blueprinted.register_blueprint(object())


@blueprinted.before_serving
async def after_blueprint():
    blueprinted.model = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202


if __name__ == "__main__":
    web.run_app(aio)
    quart.run()
