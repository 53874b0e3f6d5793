# pymodbus's synchronous clients send each request and wait for the device's
# answer (or the timeout) on the calling thread; connect() opens the socket
# or the serial port. The asyncio clients' requests are coroutines. Typed
# from the client constructors (3.x's pymodbus.client, 2.x's
# pymodbus.client.sync), never from the method name.
import asyncio

from pymodbus.client import AsyncModbusSerialClient, AsyncModbusTcpClient, ModbusSerialClient, ModbusTcpClient
from pymodbus.client.sync import ModbusUdpClient


async def read_meter(port: str, unit: int):
    client = None
    try:
        client = ModbusSerialClient(port=port, baudrate=9600)
        client.connect()  # want: ASL202 "client\.connect\(\)"
        rr = client.read_holding_registers(address=0, count=4, device_id=unit)  # want: ASL202
        return rr.registers
    finally:
        if client is not None:
            client.close()


async def write_setpoint(host: str, value: int) -> None:
    client = ModbusTcpClient(host=host, port=502, timeout=5)
    client.write_register(1, value)  # want: ASL202
    ModbusUdpClient(host).read_coils(0, 8)  # want: ASL202


async def forgot_await(host: str):
    client = AsyncModbusTcpClient(host=host)
    await client.connect()
    client.read_input_registers(0, 2)  # want: ASL102


# Quiet: the asyncio clients awaited (close() and the register converters
# do no I/O), the sync client in a thread or in plain functions, and another
# object's read_holding_registers.

async def async_clients(host: str, port: str):
    client = AsyncModbusTcpClient(host=host, port=502)
    await client.connect()
    rr = await client.read_holding_registers(address=0, count=4, device_id=1)
    values = client.convert_from_registers(rr.registers, data_type=client.DATATYPE.UINT16)
    client.close()
    serial = AsyncModbusSerialClient(port=port)
    await serial.connect()
    await serial.write_coil(0, True)
    return values


def sync_read(host: str):
    client = ModbusTcpClient(host=host)
    client.connect()
    return client.read_holding_registers(0, 4)


async def offloaded(host: str):
    return await asyncio.to_thread(sync_read, host)


class Meter:
    def read_holding_registers(self, address, count):
        return [0] * count


async def other(meter: Meter):
    return meter.read_holding_registers(0, 2)
