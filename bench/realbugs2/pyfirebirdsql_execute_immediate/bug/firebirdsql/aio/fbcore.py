import asyncio

from firebirdsql.fbcore import Transaction, ConnectionBase, ConnectionResponseMixin, DEBUG_OUTPUT
from firebirdsql.consts import isc_tpb_autocommit
from firebirdsql.aio.stream import AsyncSocketStream


class AsyncTransaction(Transaction):
    def __init__(self, connection, is_autocommit=False, isolation_level=None):
        DEBUG_OUTPUT("AsyncTransaction::__init__()")
        self._connection = connection
        self._trans_handle = None
        self._autocommit = is_autocommit
        self._isolation_level = isolation_level

    async def _begin(self):
        tpb = self.transaction_parameter_block[self._isolation_level if self._isolation_level is not None else self.connection.isolation_level]
        if self._autocommit:
            tpb += bytes([isc_tpb_autocommit])
        self.connection._op_transaction(tpb)
        (h, oid, buf) = await self.connection._async_op_response()
        self._trans_handle = None if h < 0 else h
        DEBUG_OUTPUT(
            "AsyncTransaction::_begin()", self._trans_handle, self.connection.db_handle)
        self.is_dirty = False

    async def begin(self):
        DEBUG_OUTPUT("AsyncTransaction::begin()")
        await self._begin()

    async def commit(self, retaining=False):
        DEBUG_OUTPUT(
            "AsyncTransaction::commit()", self._trans_handle, self.connection.db_handle, retaining)
        if self._trans_handle is None:
            return
        if not self.is_dirty:
            return
        if retaining:
            self.connection._op_commit_retaining(self._trans_handle)
            (h, oid, buf) = await self.connection._async_op_response()
        else:
            self.connection._op_commit(self._trans_handle)
            (h, oid, buf) = await self.connection._async_op_response()
            self._trans_handle = None
        self.is_dirty = False

    async def check_trans_handle(self):
        if self._trans_handle is None:
            await self._begin()


class AsyncConnection(ConnectionBase, ConnectionResponseMixin):
    def begin(self):
        DEBUG_OUTPUT("AsyncConnection::begin()")
        if not self.sock:
            raise InternalError("Missing socket")
        if self._transaction is None:
            self._transaction = AsyncTransaction(self, self._autocommit)
        self._cursors[self._transaction] = []
        self._transaction.begin()

    async def commit(self, retaining=False):
        DEBUG_OUTPUT("AsyncConnection::commit()")
        if self._transaction:
            await self._transaction.commit(retaining=retaining)

    async def execute_immediate(self, query):
        if self._transaction is None:
            self._transaction = AsyncTransaction(self, self._autocommit)
            await self._transaction.begin()
        self._transaction.check_trans_handle()
        self._op_exec_immediate(
            self._transaction.trans_handle, query=query)
        (h, oid, buf) = await self._async_op_response()
        self._transaction.is_dirty = True

    def __init__(self, *args, **kwargs):
        if kwargs.get("loop"):
            self.loop = kwargs.get("loop")
            del kwargs["loop"]
        else:
            self.loop = asyncio.get_event_loop()
        super().__init__(*args, **kwargs)
        self.last_usage = self.loop.time()

    async def _initialize(self):
        self.last_event_id = 0
        self._autocommit = False
        self._transaction = None
        self._cursors = {}

        self.sock = AsyncSocketStream(self.hostname, self.port, self.loop, self.timeout, self.cloexec)
        self._op_attach(self.timezone)
        (h, oid, buf) = await self._async_op_response()
        self.db_handle = h

    async def __aexit__(self, exc, value, traceback):
        "On successful exit, commit. On exception, rollback. "
        if exc:
            await self.rollback()
        else:
            await self.commit()
        await self.close()
