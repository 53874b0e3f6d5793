# A lambda handed to an API that runs its callable in a worker thread
# (asyncio.to_thread, loop.run_in_executor, Home Assistant's
# async_add_executor_job) and returns a coroutine: the thread only makes the
# coroutine, and awaiting the API's call gives the coroutine object back,
# not its result (bench/realbugs99: proxbox-api's
# `await asyncio.to_thread(lambda: nb.virtualization.virtual_machines.get(id=...))`).
import asyncio

from netbox_sdk import api
from netbox_sdk.facade import Api


class Store:
    async def load(self, key: str) -> dict:
        return {}

    def load_blocking(self, key: str) -> dict:
        return {}


async def lookup(nb: Api, vm_id: int):
    vm = await asyncio.to_thread(lambda: nb.virtualization.virtual_machines.get(id=vm_id))  # want: ASL102
    return vm


async def lookup_executor(store: Store, key: str):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: store.load(key))  # want: ASL102


async def lookup_hass(hass, store: Store, key: str):
    return await hass.async_add_executor_job(lambda: store.load(key))  # want: ASL102


async def netbox_calls(url: str, token: str):
    nb = api(url, token)
    nb.dcim.devices.create(name="sw1")  # want: ASL102
    nb.plugins.netbox_dns.zones.delete([1])  # want: ASL102
    nb.status()  # want: ASL102
    device = nb.dcim.devices.get(name="sw1")  # want: ASL102
    return device.id


async def lookup_ok(nb: Api, store: Store, vm_id: int, key: str):
    # Quiet: awaited on the loop; a lambda whose call is synchronous; a
    # lambda that runs the coroutine to completion in the thread;
    # netbox-sdk's filter() and all() build record sets, iterated with
    # `async for`.
    vm = await nb.virtualization.virtual_machines.get(id=vm_id)
    data = await asyncio.to_thread(lambda: store.load_blocking(key))
    ran = await asyncio.to_thread(lambda: asyncio.run(store.load(key)))
    async for device in nb.dcim.devices.filter(site="ams1"):
        print(device)
    records = nb.dcim.interfaces.all()
    count = await nb.dcim.devices.count(site="ams1")
    return vm, data, ran, records, count
