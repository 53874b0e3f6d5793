# Route handlers whose parameter type is the alias, imported through the
# re-exporting module (bench/realbugs99, proxbox-api #616: the targeted
# sync routes never awaited netbox-sdk's `get()`).
import asyncio

from app.dependencies import NetBoxSessionDep


async def sync_vm(netbox_vm_id: int, netbox_session: NetBoxSessionDep):
    vm_record = netbox_session.virtualization.virtual_machines.get(id=netbox_vm_id)  # want: ASL102
    if vm_record is None:
        return None
    return vm_record


async def disks_vm(netbox_vm_id: int, netbox_session: NetBoxSessionDep):
    vm_record = await asyncio.to_thread(
        lambda: netbox_session.virtualization.virtual_machines.get(id=netbox_vm_id)  # want: ASL102
    )
    return vm_record


async def sync_vm_ok(netbox_vm_id: int, netbox_session: NetBoxSessionDep):
    # Quiet: the fix.
    vm_record = await netbox_session.virtualization.virtual_machines.get(id=netbox_vm_id)
    if vm_record is None:
        return None
    return vm_record
