# Google Cloud Storage listings and Google Cloud Logging (google-cloud-logging):
# list_blobs, list_buckets and list_entries return page iterators that send
# their requests while iterated, so iterating one in a coroutine blocks the
# loop; a Logger's writes are each a request. Building the iterator without
# iterating it, handing the work to a thread, and synchronous code are fine.
import asyncio

from google.cloud import logging as gcp_logging
from google.cloud import storage


class ArtifactStore:
    def __init__(self, bucket_name):
        self.storage_client = storage.Client()
        self.bucket = self.storage_client.bucket(bucket_name)

    async def keys(self, prefix):
        names = set()
        for blob in self.storage_client.list_blobs(self.bucket, prefix=prefix):  # want: ASL202 "\(google\.cloud\.storage\.Client\.list_blobs\) blocks the event loop in async function `keys`"
            names.add(blob.name)
        return sorted(names)

    async def versions(self, prefix):
        blobs = self.bucket.list_blobs(prefix=prefix)  # want: ASL202 "google\.cloud\.storage\.Bucket\.list_blobs"
        versions = []
        for b in blobs:
            versions.append(b.name)
        return versions

    async def names(self, prefix):
        blobs = self.storage_client.list_blobs(self.bucket, prefix=prefix)  # want: ASL202 "Client\.list_blobs"
        return {b.name for b in blobs if not b.name.endswith("/")}

    async def lazy_names(self, prefix):
        # Quiet: a generator expression runs when its consumer iterates it.
        blobs = self.storage_client.list_blobs(self.bucket, prefix=prefix)
        return (b.name for b in blobs)

    async def buckets(self):
        return list(self.storage_client.list_buckets())  # want: ASL202 "Client\.list_buckets"

    async def keys_in_thread(self, prefix):
        # Quiet: the listing is iterated in a worker thread.
        return await asyncio.to_thread(lambda: [b.name for b in self.storage_client.list_blobs(self.bucket, prefix=prefix)])

    async def pager(self, prefix):
        # Quiet: the iterator is built and returned, not iterated here.
        return self.storage_client.list_blobs(self.bucket, prefix=prefix)

    def keys_sync(self, prefix):
        # Quiet: synchronous code may block.
        return [b.name for b in self.storage_client.list_blobs(self.bucket, prefix=prefix)]


class FlowLogs:
    def __init__(self, project):
        self.project = project
        self._client = None

    def _get_client(self):
        if self._client is None:
            self._client = gcp_logging.Client(project=self.project)
        return self._client

    async def poll(self, queue):
        client = self._get_client()
        for entry in client.list_entries(filter_='logName:"flows"', max_results=100):  # want: ASL202 "\(google\.cloud\.logging\.Client\.list_entries\) blocks the event loop in async function `poll`"
            await queue.put(entry.payload)

    async def report(self, text):
        logger = self._get_client().logger("agent")
        logger.log_text(text)  # want: ASL202 "google\.cloud\.logging\.Logger\.log_text"

    async def poll_in_thread(self, queue):
        # Quiet: the entries are fetched in a worker thread.
        client = self._get_client()
        entries = await asyncio.to_thread(lambda: list(client.list_entries(max_results=100)))
        for entry in entries:
            await queue.put(entry.payload)

    async def named(self):
        # Quiet: logger() only names the log.
        return self._get_client().logger("agent")
