# A call of unknown callee that the same async function awaits elsewhere
# (the same dotted path from a parameter) makes an awaitable: dropping it
# once is the bug. The module never says what `message` is.
import asyncio
import socket


async def trigger_interactive_response(message, contexts, author):
    if message.content.startswith("cancel"):
        await message.channel.send("Canceled operation")
        return
    if contexts[author] == "choose":
        message.channel.send("Enter a number between 1 and 3")  # want: ASL102
        return
    reply = message.channel.send("unknown")  # want: ASL102
    print(reply.id)
    await message.channel.send("Session ended")


async def relay(stream, data):
    # Quiet: only awaited once and stored to await later.
    pending = stream.write(data)
    await stream.write(b"header")
    await pending


async def offload(loop, fn):
    # Quiet: run_in_executor's future runs whether or not it is awaited.
    loop.run_in_executor(None, fn)
    await loop.run_in_executor(None, fn)


async def provider(data_provider, offset):
    # Quiet: the type test says the two calls are on different types.
    if isinstance(data_provider, asyncio.StreamReader):
        await data_provider.seek(offset)
    else:
        data_provider.seek(offset)


async def rebinds(address):
    # Quiet: `s` is not a parameter, and holds two types.
    with socket.socket() as s:
        s.bind(address)
    s = make_async_socket()
    await s.bind(address)


async def plugins(xmpp, jid):
    # Quiet: a path through a subscript (a registry of plugins) is not one object.
    xmpp["disco"].get_info(jid)
    await xmpp["disco"].get_info(jid)


async def reassigned(channel, other):
    # Quiet: the parameter is rebound, so the two calls may differ.
    await channel.send("a")
    channel = other
    channel.send("b")


def make_async_socket():
    return None
