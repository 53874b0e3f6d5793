# Whether a coroutine function is used as a value elsewhere is decided by
# what the uses resolve to, not by their names: bot.py imports some of these
# and hands them to a router, and has a parameter, an attribute and a local
# variable named like others.


async def on_ping(message):  # quiet: bot.py imports it and hands it to a router
    return message


async def on_pong(message):  # quiet: bot.py hands handlers.on_pong to a router
    return message


async def on_help(message):  # want: ASYNC124
    # bot.py's self.on_help is Bot's own method, not this function.
    return message


async def on_unused(message):  # want: ASYNC124
    return message


async def version():  # want: ASYNC124
    # bot.py's `version` parameter, `self.version` and `args.version` are not this.
    return "1.0"
