# A coroutine function whose name another module uses as a value (a bound
# method handed to a router) stays one, even when that module does not
# import this one.


async def on_ping(message):  # quiet: bot.py hands self.on_ping to a router
    return message


async def on_unused(message):  # want: ASYNC124
    return message
