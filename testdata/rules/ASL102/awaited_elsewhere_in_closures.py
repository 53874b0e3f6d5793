# A parameter of an enclosing function (a server handed to a function that
# registers its handlers) is one object for every handler nested there: a
# call that one handler awaits makes an awaitable in another. The module
# never says what `sio` is.


def register_room_handlers(sio, rooms):
    @sio.on("kick")
    async def kick(sid, data):
        rooms[data["room"]].discard(data["target"])
        sio.leave_room(data["target"], data["room"])  # want: ASL102
        await sio.emit("kicked", {"room": data["room"]}, to=data["target"])

    @sio.on("close")
    async def close(sid, data):
        for member in rooms.pop(data["room"]):
            await sio.leave_room(member, data["room"])

    async def announce(text):
        sent = sio.emit("announce", text)  # want: ASL102
        print(sent.id)

    async def shout(text):
        await sio.emit("announce", text.upper())


def register_fallbacks(sio, rooms):
    # Quiet: the handler rebinds the name, so its `sio` is another object.
    async def local(sid):
        sio = make_sync_server()
        sio.leave_room(sid, "lobby")

    async def leave(sid):
        await sio.leave_room(sid, "lobby")

    # Quiet: a synchronous function may call it without an await (it may be
    # a sync server there); only coroutines are judged.
    def sync_leave(sid):
        sio.leave_room(sid, "lobby")

    # Quiet: run_in_executor's future runs whether or not it is awaited.
    async def offload(loop, fn):
        sio.loop.run_in_executor(None, fn)

    async def offload_awaited(fn):
        await sio.loop.run_in_executor(None, fn)


def register_rebound(sio):
    # Quiet: the enclosing function rebinds its parameter, so the handlers
    # may see two objects.
    if sio is None:
        sio = make_sync_server()

    async def first(sid):
        sio.enter_room(sid, "lobby")

    async def second(sid):
        await sio.enter_room(sid, "lobby")


def make_sync_server():
    return None
