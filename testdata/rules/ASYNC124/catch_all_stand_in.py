# A function whose only parameters are *args/**kwargs and whose body reads
# neither accepts any call and uses none of it: the shape of a stand-in for
# another callable (here a browser build's placeholder for a websocket
# library's `serve`, which callers await). Its coroutine type is the
# signature it copies, so it is not reported. One that reads its arguments,
# or also has a named parameter, is.


class Server:
    def __init__(self):
        raise RuntimeError("web sockets in web browsers can not be used as servers")


async def serve(*args, **kwargs) -> Server:  # quiet: a stand-in that ignores every argument
    return Server()


async def noop_hook(*_):  # quiet: accepts anything, uses nothing
    return None


async def forwards(*args, **kwargs):  # want: ASYNC124
    return dict(*args, **kwargs)


async def named_and_catch_all(host, *args):  # want: ASYNC124
    return Server()


async def reads_kwargs(**options):  # want: ASYNC124
    return sorted(options)
