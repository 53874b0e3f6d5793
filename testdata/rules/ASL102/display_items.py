# An item of a name bound once to a dict, list or tuple display has the
# type every value of the display agrees on.
import aiohttp


class Client:
    async def fetch(self):
        pass


POOLS = {
    "default": aiohttp.ClientSession(),
    "uploads": aiohttp.ClientSession(),
}

CLIENTS = [Client(), Client()]

MIXED = {"a": Client(), "b": aiohttp.ClientSession()}

LATER = {}


async def fires(name):
    session = POOLS[name]
    session.close()  # want: ASL102
    CLIENTS[0].fetch()  # want: ASL102


async def quiet(name):
    # Quiet: the display's values disagree.
    MIXED[name].close()
    # Quiet: an empty display says nothing of what it will hold.
    LATER[name].close()
    # Quiet: awaited.
    await POOLS[name].close()
