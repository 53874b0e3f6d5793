# A local coroutine that a nested function captures may be awaited there,
# but a use of it as the result before the nested function is defined fails
# whatever the nested function does later.


async def get_default_user():
    return None


async def run_tasks(data, user=None):
    if not user:
        user = get_default_user()  # want: ASL102
    pipeline_id = make_id(user.id)

    async def run_item(item):
        return await process(item, user)

    return [await run_item(item) for item in data]


async def captured_first(data):
    # Quiet: the nested function may await the coroutine before any use.
    user = get_default_user()

    async def resolved():
        return await user

    value = await resolved()
    return value.id


async def used_after_definition():
    # Quiet: the nested function rebinds the name to the awaited result
    # before the attribute is read.
    user = get_default_user()

    async def resolve():
        nonlocal user
        user = await user

    await resolve()
    return user.id


async def read_before_nested_rebinding():
    # The nested function that would await the coroutine is defined after
    # the read: the read already fails.
    user = get_default_user()  # want: ASL102
    log(user.id)

    async def resolve():
        nonlocal user
        user = await user

    await resolve()


def make_id(value):
    return value


async def process(item, user):
    return item


def log(value):
    pass
