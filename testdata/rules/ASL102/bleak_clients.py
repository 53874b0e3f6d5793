# bleak's BleakClient and BleakScanner do all their I/O in coroutine
# methods: a call without await never reaches the device (realbugs34
# picklesens: seven un-awaited start_notify calls inside `async with
# BleakClient(address) as client`, so no notification was ever subscribed).
from bleak import BleakClient, BleakScanner


def on_data(sender, data):
    print(sender, data)


async def subscribe(address):
    async with BleakClient(address) as client:
        client.start_notify("uuid-1", on_data)  # want: ASL102
        value = client.read_gatt_char("uuid-2")  # want: ASL102
        print(value[0])


async def write_later(address):
    client = BleakClient(address)
    await client.connect()
    client.write_gatt_char("uuid-3", b"\x01", response=True)  # want: ASL102
    await client.disconnect()


async def scan():
    devices = BleakScanner.discover(timeout=5.0)  # want: ASL102
    for d in devices:
        print(d.name)


# Quiet: awaited, handed to a scheduler, or plain attributes.


async def subscribe_awaited(address):
    async with BleakClient(address) as client:
        await client.start_notify("uuid-1", on_data)
        value = await client.read_gatt_char("uuid-2")
        print(value[0], client.address, client.is_connected)


async def scan_awaited():
    for d in await BleakScanner.discover(timeout=5.0):
        print(d.name)


async def with_timeout(client):
    import asyncio

    await asyncio.wait_for(client.write_gatt_char("uuid-3", b"\x01"), timeout=2)


async def project_client(address):
    # Quiet: a project class that happens to have a start_notify method.
    class Client:
        def start_notify(self, uuid, cb):
            return None

    Client().start_notify("uuid-1", on_data)
