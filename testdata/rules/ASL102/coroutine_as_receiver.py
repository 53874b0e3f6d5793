# A coroutine used as the object of an attribute, a subscript or a call:
# the fix must parenthesise, since `await` binds looser than `.`, `[]`, `()`.


async def fetch(key):
    return {"key": key}


async def make_handler():
    return print


async def uses():
    text = fetch("a").strip()  # want: ASL102
    value = fetch("b")["key"]  # want: ASL102
    make_handler()("c")  # want: ASL102
    return text, value


async def uses_awaited():
    # Quiet: awaited before use.
    text = (await fetch("a")).strip()
    value = (await fetch("b"))["key"]
    (await make_handler())("c")
    return text, value
