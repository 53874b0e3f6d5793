# put() on a thread queue.Queue made without maxsize never waits, also when
# the queue reaches the helper as a parameter: a private helper that every
# call of its module hands an unbounded queue (corpus27's Gmail scraper:
# `queue = Queue()` in the coroutine, then `self._enqueue(bundles, queue)`,
# whose `queue.put(...)` returns at once). A bounded queue, a caller that
# passes one (the helper is judged once, so its every caller is reported), a
# queue the module does not make, or a public helper another module may call
# with a bounded queue still blocks.
import asyncio
from queue import Queue


class Pipeline:
    def _enqueue(self, bundles, queue: Queue) -> int:
        count = 0
        for bundle in bundles:
            count += 1
            queue.put(bundle)
        return count

    async def scrape(self, bundles):
        queue = Queue()
        return self._enqueue(bundles, queue)

    async def scrape_again(self, bundles):
        return self._enqueue(bundles, queue=Queue(maxsize=0))


class BoundedPipeline:
    def _push(self, bundles, queue: Queue) -> int:
        for bundle in bundles:
            queue.put(bundle)
        return len(bundles)

    async def scrape(self, bundles):
        queue = Queue()
        self._push(bundles, queue)  # want: ASL201 "`self\._push\(\)` blocks the event loop in async function `scrape`"

    async def scrape_bounded(self, bundles):
        limited = Queue(maxsize=8)
        self._push(bundles, limited)  # want: ASL201 "`self\._push\(\)` blocks the event loop in async function `scrape_bounded`: it calls blocking `queue\.put\(\)`"


def _fill(queue: Queue, items) -> None:
    for item in items:
        queue.put(item)


async def fill_from(shared: Queue, items):
    _fill(shared, items)  # want: ASL201 "`_fill\(\)` blocks the event loop in async function `fill_from`: it calls blocking `queue\.put\(\)`"


def fill_public(queue: Queue, items) -> None:
    for item in items:
        queue.put(item)


async def fill_local(items):
    fill_public(Queue(), items)  # want: ASL201 "`fill_public\(\)` blocks the event loop in async function `fill_local`: it calls blocking `queue\.put\(\)`"
