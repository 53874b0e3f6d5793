# A callee the model cannot resolve (an unstored module's class, a receiver
# of unknown type) that the module's coroutines await once, called once more
# un-awaited in a coroutine whose code then uses the value as the result
# would be (iterates it, subscripts it, reads an attribute, negates it,
# unpacks it): the one await says the callee makes a coroutine, and the use
# says the code expected its result. Two awaits are needed when the value is
# thrown away or handed on (awaited_twins_in_module.py).
from app.dao import ReportDAO
from .utils import Status


class ReportService:
    def __init__(self, report_dao: ReportDAO):
        self.report_dao = report_dao

    async def get_all(self):
        return await self.report_dao.get_all()

    async def summaries(self):
        reports = self.report_dao.get_all()  # want: ASL102 "iterated as if it were its result; add `await` \(`self.report_dao.get_all\(\)` is awaited at one other place in this module, and used no other way: line 17\)"
        return [r.name for r in reports]


async def show(frwd_id):
    sts = Status(frwd_id)
    if not await sts.verify():
        return None
    return await sts.get(full=True)


async def start(frwd_id):
    sts = Status(frwd_id)
    if not sts.verify():  # want: ASL102 "used as a condition"
        return
    row = sts.get(full=True)  # want: ASL102 "its attribute `target` is read"
    print(row.target)


class Client:
    def __init__(self, backend):
        self._backend = backend

    async def fetch(self, key):
        ok, value = await self._backend.lookup(key)
        return value if ok else None

    async def fetch_raw(self, key):
        ok, value = self._backend.lookup(key)  # want: ASL102 "unpacked"
        return value

    async def first_page(self):
        return (await self._backend.page(0))["items"]

    async def first_item(self):
        return self._backend.page(0)["items"][0]  # want: ASL102 "subscripted"


# Quiet: the value is thrown away (one await elsewhere is not enough then).
class Dropper:
    def __init__(self, backend):
        self._backend = backend

    async def a(self):
        await self._backend.flush()

    async def b(self):
        self._backend.flush()


# Quiet: the value is stored and awaited later, or handed on to code that may
# await it.
class Keeper:
    def __init__(self, backend):
        self._backend = backend

    async def a(self):
        return await self._backend.load(1)

    async def b(self, worker):
        pending = self._backend.load(2)
        print("loading")
        return await pending

    async def c(self, worker):
        return await self._backend.save(1)

    async def d(self, worker):
        worker(self._backend.save(2))


# Quiet: two un-awaited calls of the callee (not one deviant call).
class TwoLoose:
    def __init__(self, backend):
        self._backend = backend

    async def a(self):
        return await self._backend.rows()

    async def b(self):
        return len(self._backend.rows())

    async def c(self):
        return self._backend.rows()[0]


# Quiet: in synchronous code the value may be a dual-mode API's result.
class SyncSide:
    def __init__(self, backend):
        self._backend = backend

    async def a(self):
        return await self._backend.count()

    def b(self):
        return self._backend.count() + 1


# Quiet: a method the module defines as synchronous (it may return a Future
# that one caller awaits and another reads).
class Local:
    def state(self):
        return {"ok": True}


async def poll(remote):
    await remote.state()


async def peek(remote):
    return remote.state()["ok"]
