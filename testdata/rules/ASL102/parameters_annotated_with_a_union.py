# gql's Client: the transport parameter is annotated with a union of a sync
# and an async transport class and replaced by a default async one only
# when missing. The sync session calls it without await: it is made only
# for a sync transport, and the parameter may be either.
from typing import Optional, Union


class Transport:
    def execute(self, document):
        raise NotImplementedError

    def connect(self):
        pass


class AsyncTransport:
    async def execute(self, document):
        raise NotImplementedError

    async def connect(self):
        pass


class LocalSchemaTransport(AsyncTransport):
    async def execute(self, document):
        return document


class Client:
    def __init__(self, schema=None, transport: Optional[Union[Transport, AsyncTransport]] = None):
        if schema and not transport:
            transport = LocalSchemaTransport()
        self.transport: Optional[Union[Transport, AsyncTransport]] = transport


class NewStyleClient:
    def __init__(self, schema=None, transport: Transport | AsyncTransport | None = None):
        if schema and not transport:
            transport = LocalSchemaTransport()
        self.transport = transport


class AsyncOnlyClient:
    def __init__(self, schema=None, transport: Optional[AsyncTransport] = None):
        if schema and not transport:
            transport = AsyncTransport()
        self.transport = transport


class SyncSession:
    def __init__(self, client: Client):
        self.client = client

    def execute(self, document):
        # Quiet: the transport may be a sync Transport.
        result = self.client.transport.execute(document)
        return result.data

    def connect(self):
        self.client.transport.connect()


class UntypedClient:
    def __init__(self, schema=None, transport=None):
        if schema and not transport:
            transport = LocalSchemaTransport()
        self.transport = transport


class UntypedSession:
    def __init__(self, client: UntypedClient):
        self.client = client

    def connect(self):
        # Fires, as before: an untyped parameter takes the type of its
        # assigned values.
        self.client.transport.connect()  # want: ASL102


class NewStyleSyncSession:
    def __init__(self, client: NewStyleClient):
        self.client = client

    def connect(self):
        # Quiet: the same with `A | B | None`.
        self.client.transport.connect()


class AsyncOnlySession:
    def __init__(self, client: AsyncOnlyClient):
        self.client = client

    def connect(self):
        # Fires: every transport this client can hold is async.
        self.client.transport.connect()  # want: ASL102
