# Quiet: the sibling sources define `async def get_version` too, and the
# core awaits whichever module the configuration names.
async def get_version(name, conf, **kwargs):
    return str(conf.get("manual")).strip() or None


# Reported: no other source defines a coroutine function of this name.
async def describe(conf):  # want: ASYNC124 "async function `describe` never awaits"
    return "manual: %s" % conf.get("manual")
