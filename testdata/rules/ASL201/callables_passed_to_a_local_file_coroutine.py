# config: asl201-local-files = true  # a project that asks for local-file chains
import asyncio
import sqlite3


# doobidoo/mcp-memory-service#433 (bench/realbugs26): every query of the
# storage backend went through a retry helper that called the sync closure
# it was given on the loop. Over sqlite3 this is a chain to a local file
# database, followed when the project asks for such chains.
class Storage:
    def connect(self, path):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    async def _execute_with_retry(self, operation, max_retries=3):
        for attempt in range(max_retries + 1):
            try:
                return operation()  # want: ASL201 "`operation` is `update_metadata`, passed by `self\._execute_with_retry\(\)` line 26, which calls blocking `self\.conn\.execute\(\)`"
            except sqlite3.OperationalError:
                await asyncio.sleep(0.1 * attempt)

    async def persist(self, key, value):
        def update_metadata():
            self.conn.execute("UPDATE memories SET metadata = ? WHERE content_hash = ?", (value, key))
            self.conn.commit()

        await self._execute_with_retry(update_metadata)


class Offloaded:
    # Quiet: the project's fix.
    def connect(self, path):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    async def _execute_with_retry(self, operation):
        return await asyncio.to_thread(operation)

    async def persist(self, key, value):
        def update_metadata():
            self.conn.execute("UPDATE memories SET metadata = ? WHERE content_hash = ?", (value, key))

        await self._execute_with_retry(update_metadata)
