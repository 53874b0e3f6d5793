__all__ = ["maybe_async"]


# Quiet: named in __all__. A compatibility shim: old releases returned an
# awaitable here, so users write `await maybe_async(x)`; it must stay async.
async def maybe_async(value):
    return value


# Fires: not exported, and its module is not a package's __init__.
async def as_text(value):  # want: ASYNC124
    return str(value)
