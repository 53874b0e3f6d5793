# A lazy listing bound to a local and iterated by a comprehension's second
# (or later) `for` clause is iterated as the comprehension runs, like one
# its first clause iterates: the page requests run on the loop.
from google.cloud import storage


class Mirror:
    def __init__(self):
        self.client = storage.Client()

    async def names(self, bucket, prefixes):
        blobs = self.client.list_blobs(bucket)  # want: ASL202 "Client\.list_blobs"
        return [b.name for p in prefixes for b in blobs if b.name.startswith(p)]

    async def pairs(self, bucket, kinds):
        blobs = self.client.list_blobs(bucket)  # want: ASL202
        return {(k, b.name) for k in kinds if k for b in blobs}

    async def shadowed(self, bucket, groups):
        # Quiet: the second clause iterates the first clause's variable,
        # not the local listing.
        blobs = self.client.list_blobs(bucket)
        return [b for blobs in groups for b in blobs], blobs

    async def lazy(self, bucket, prefixes):
        # Quiet: a generator expression runs when its consumer iterates it.
        blobs = self.client.list_blobs(bucket)
        return (b.name for p in prefixes for b in blobs)

    async def after_async_clause(self, bucket, stream):
        # A sync clause after an `async for` still iterates on the loop.
        blobs = self.client.list_blobs(bucket)  # want: ASL202
        return [b async for p in stream for b in blobs]

