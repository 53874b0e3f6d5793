# A synchronous request to a service (an ORM query, a database client's
# write) sends its arguments as data: nothing there awaits a coroutine
# handed to it, which is stored or compared as an object, or fails to
# serialise.
import asyncio

import pymongo
from django.contrib.auth.models import Group, User

client = pymongo.MongoClient()
events = client["app"]["events"]


async def fetch_group(name):
    await asyncio.sleep(0)
    return name


def add_member(name):
    group = Group.objects.aget(name=name)  # want: ASL102 "coroutine `Group.objects.aget\(\)` is never awaited: it is stored in `group` and passed to `User.objects.create\(\)`, a request that sends it as data"
    User.objects.create(username=name, group=group)


def log_event(name):
    events.insert_one({"group": fetch_group(name)})  # want: ASL102 "passed to `events.insert_one\(\)`, a request that sends it as data"


# Quiet: awaited before the request, run to completion, or handed to
# something that may await it.
async def add_member_awaited(name):
    group = await Group.objects.aget(name=name)
    await asyncio.to_thread(User.objects.create, username=name, group=group)


def log_event_run(name):
    events.insert_one({"group": asyncio.run(fetch_group(name))})


def schedule(loop, name):
    return loop.create_task(fetch_group(name))


# Quiet: the request is known by its receiver's type, not by its name: a
# method called insert_one on a receiver of unknown type may be any library's,
# which nothing records (an unknown callee, left alone).
def log_event_to(store, name):
    store.insert_one({"group": fetch_group(name)})
