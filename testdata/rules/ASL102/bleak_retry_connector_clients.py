# bleak-retry-connector's BleakClientWithServiceCache is a BleakClient
# subclass (it only adds service caching), so its I/O methods are
# coroutines too: a write without await never reaches the device
# (realbugs44 ocleanx: two un-awaited write_gatt_char calls in a Home
# Assistant toothbrush parser's `_get_payload(self, client:
# BleakClientWithServiceCache)`).
from bleak_retry_connector import BleakClientWithServiceCache


async def get_payload(client: BleakClientWithServiceCache, char, battery):
    client.write_gatt_char(char, [0x0A, 0x03])  # want: ASL102
    payload = client.read_gatt_char(battery)  # want: ASL102
    return payload[0]


async def start(client: BleakClientWithServiceCache, char, on_data):
    client.start_notify(char, on_data)  # want: ASL102


# Quiet: awaited, handed to a scheduler, plain attributes, and a project
# class of the same name.


async def get_payload_awaited(client: BleakClientWithServiceCache, char, battery):
    await client.write_gatt_char(char, [0x0A, 0x03])
    payload = await client.read_gatt_char(battery)
    print(client.address, client.is_connected, client.services)
    return payload[0]


async def with_timeout(client: BleakClientWithServiceCache, char):
    import asyncio

    await asyncio.wait_for(client.write_gatt_char(char, b"\x01"), timeout=2)


class ServiceCacheClient:
    def write_gatt_char(self, char, data):
        return None


async def project_client(client: ServiceCacheClient, char):
    client.write_gatt_char(char, b"\x01")
