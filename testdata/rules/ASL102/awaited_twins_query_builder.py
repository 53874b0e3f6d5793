# A callee taken for a coroutine function only because the module awaits it
# elsewhere may return an awaitable query builder instead (Tortoise ORM's
# `Model.get_or_none()` returns a QuerySetSingle): a method called on its
# value in a chain that is awaited is the builder's documented use, not a
# method called on a coroutine object (which has none, and would fail at the
# first run). The same chain left un-awaited, or the value used as the
# result, is still reported, and so is a method chained on the value of a
# coroutine function the project defines.
from app_models import Channel, Repo


async def by_alias(alias):
    return await Channel.get_or_none(alias=alias)


async def active_by_alias(alias):
    return await Channel.get_or_none(alias=alias, deleted_at__isnull=True)


# Quiet: the builder's method, and the chain is awaited.
async def with_application(alias):
    return await Channel.get_or_none(alias=alias).select_related("application")


async def by_owner(owner):
    return await Channel.filter(owner=owner)


async def active_by_owner(owner):
    return await Channel.filter(owner=owner, deleted_at=None)


# Quiet: a longer chain, awaited.
async def newest(owner):
    return await Channel.filter(owner=owner).order_by("-created_at").first()


async def load(key):
    return await Repo.fetch(key)


async def load_twice(key):
    return await Repo.fetch(key)


async def names(key):
    # The chain is not awaited: the value is used as if it were the result.
    return Repo.fetch(key).keys()  # want: ASL102 "its method `keys\(\)` is called on the coroutine object"


async def lookup(key):
    return await Repo.lookup(key)


async def lookup_again(key):
    return await Repo.lookup(key)


async def first_name(key):
    row = Repo.lookup(key)  # want: ASL102
    return row["name"]


class Store:
    async def read(self):
        return "text"

    async def words(self):
        # A coroutine function of the project: no builder, the await is missing.
        return await self.read().split()  # want: ASL102 "its method `split\(\)` is called on the coroutine object"
