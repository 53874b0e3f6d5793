# A class of the project that fans work out to a thread pool and waits for
# every future (a metasearch client's `text()`, called from a FastAPI
# endpoint): calling it from a coroutine blocks the event loop until the
# slowest thread is done.
import asyncio
from concurrent.futures import ThreadPoolExecutor, as_completed


class Search:
    def __init__(self, engines):
        self.engines = engines

    def _search(self, query):
        results = []
        with ThreadPoolExecutor(max_workers=len(self.engines)) as executor:
            futures = [executor.submit(engine.search, query) for engine in self.engines]
            for future in as_completed(futures):
                try:
                    partial = future.result()
                    if partial:
                        results.extend(partial)
                except Exception:
                    pass
        return results

    def text(self, query):
        return self._search(query)


async def search_text(query, engines):
    results = Search(engines).text(query)  # want: ASL201 "blocks the event loop in async function `search_text`: it reaches blocking `future.result"
    return results


# Quiet: run in a thread.
async def search_text_offloaded(query, engines):
    return await asyncio.to_thread(Search(engines).text, query)


# Quiet: a helper whose pool returns asyncio-wrapped futures it never waits on.
class Prefetch:
    def start(self, urls, pool: ThreadPoolExecutor):
        self.pending = [asyncio.wrap_future(pool.submit(len, u)) for u in urls]
        return len(self.pending)


async def prefetch(urls, pool: ThreadPoolExecutor):
    return Prefetch().start(urls, pool)
