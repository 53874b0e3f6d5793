# A coroutine stored as an item of a local container and read back by its
# key is the coroutine itself: used there as data, it was never awaited
# (aiobotocore #682: `kwargs[k] = coro(); await emit(**kwargs)`, then the
# item is returned as the result).
import asyncio


async def fetch_user(uid):
    return {"id": uid, "name": "x"}


async def get_response(emitter, uid):
    kwargs = {"uid": uid}
    kwargs["response"] = fetch_user(uid)  # want: ASL102
    await emitter.emit("response-received", **kwargs)
    return kwargs["response"]


async def show_name(uid):
    found = {}
    found["user"] = fetch_user(uid)  # want: ASL102
    print(found["user"]["name"])


async def literal_item(uid):
    data = {"user": fetch_user(uid), "n": 1}  # want: ASL102
    return data["user"].get("name")


async def indexed(uid):
    pending = [None]
    pending[0] = fetch_user(uid)  # want: ASL102
    for key in pending[0]:
        print(key)


async def built_by_dict(emit, uid):
    kwargs = dict(response=fetch_user(uid))  # want: ASL102
    await emit(**kwargs)
    return kwargs["response"]


async def updated(emit, uid):
    kwargs = {}
    kwargs.update(response=fetch_user(uid))  # want: ASL102
    await emit(**kwargs)
    return kwargs["response"]


async def updated_from_literal(uid):
    kwargs = {}
    kwargs.update({"user": fetch_user(uid)})  # want: ASL102
    return kwargs["user"].keys()


async def set_by_default(uid):
    found = {}
    found.setdefault("user", fetch_user(uid))  # want: ASL102
    return found["user"]["name"]


# Quiet: the item is awaited, handed on, or replaced before it is read as data.


async def dict_handed_on(emit, uid):
    # As with a dict literal, a dict splatted into unknown code may be awaited there.
    kwargs = dict(response=fetch_user(uid))
    await emit(**kwargs)


async def updated_then_awaited(uid):
    found = {}
    found.update(user=fetch_user(uid))
    return await found["user"]


async def awaited_item(uid):
    found = {}
    found["user"] = fetch_user(uid)
    return await found["user"]


async def awaited_in_place(uid):
    found = {}
    found["user"] = fetch_user(uid)
    found["user"] = await found["user"]
    return found["user"]["name"]


async def gathered(uids):
    calls = {}
    calls["first"] = fetch_user(uids[0])
    calls["second"] = fetch_user(uids[1])
    results = await asyncio.gather(*calls.values())
    return results


async def other_key(uid):
    found = {"user": None}
    found["later"] = fetch_user(uid)
    print(found["user"])
    return await found["later"]


async def handed_on(uid, tasks):
    found = {}
    found["user"] = fetch_user(uid)
    tasks.append(asyncio.ensure_future(found["user"]))


async def item_to_name(uid):
    found = {}
    found["user"] = fetch_user(uid)
    user = found["user"]
    return await user
