# A name rebound inside one branch: the reads after the rebinding in that
# branch see the new value, not the coroutine (bench/realbugs43's Quart
# register view: `if user: ... else: user = User(...); await user.create()`).
# A branch that rebinds the name before anything read it drops the
# coroutine on that path.


async def fetch():
    return {"x": 1}


class Row:
    def __init__(self, name):
        self.name = name

    async def create(self):
        return self


async def register(name):
    row = fetch()  # want: ASL102
    if row:
        return 1
    else:
        row = Row(name)
        await row.create()
    return 2


async def dropped_on_one_path(flag):
    data = fetch()  # want: ASL102
    if flag:
        data = {"x": 2}
        return data["x"]
    return (await data)["x"]


async def dropped_in_a_loop(items):
    data = fetch()  # want: ASL102
    for item in items:
        data = {"x": item}
        print(data["x"])
    return await data


# Quiet: the branch awaits the coroutine before it rebinds the name.
async def awaited_then_rebound(flag):
    data = fetch()  # quiet: read before the rebinding
    if flag:
        first = await data
        data = {"x": first["x"] + 1}
        return data["x"]
    return (await data)["x"]


# Quiet: the rebinding wraps the coroutine (reads it).
async def wrapped_in_a_branch(flag):
    import asyncio

    data = fetch()  # quiet: handed to wait_for on that path
    if flag:
        data = asyncio.wait_for(data, 5)
    return await data


# Quiet: the reads after the rebinding in that branch see the new value.
async def rebound_row(name, existing):
    row = await fetch()  # quiet: awaited
    if existing:
        row = Row(name)
        await row.create()
    return row
