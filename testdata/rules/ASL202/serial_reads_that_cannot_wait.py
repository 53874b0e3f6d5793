# pyserial reads that return at once: a port opened in non-blocking mode
# ("timeout = 0: non-blocking mode, return immediately in any case"), and a
# read of no more than the bytes the input buffer already holds
# (`ser.read(ser.in_waiting)`), also when the `timeout` property is set to 0
# where the port is kept (a transport given the port by its caller). Other
# reads wait for the device.
import asyncio

import serial


class Reader:
    def __init__(self, port):
        self.ser = serial.Serial(port, 115200, timeout=0)
        self.slow = serial.Serial(port, 115200, timeout=1)

    # Quiet: non-blocking mode.
    async def poll(self):
        while True:
            data = self.ser.read(64)
            line = self.ser.readline()
            if data or line:
                return data, line
            await asyncio.sleep(0.01)

    async def wait(self):
        return self.slow.read(64)  # want: ASL202


async def drain(port):
    ser = serial.Serial(port, 9600)
    while True:
        # Quiet: the bytes already received.
        chunk = ser.read(ser.in_waiting)
        older = ser.read(size=ser.inWaiting())
        n = ser.in_waiting
        more = ser.read(n)
        # One byte at least: waits when nothing is there.
        first = ser.read(ser.in_waiting or 1)  # want: ASL202
        # The rest of a line may not have come yet.
        line = ser.readline()  # want: ASL202
        await asyncio.sleep(0.05)
        yield chunk + older + more + first + line


async def positional_timeout(port):
    ser = serial.serial_for_url(port, 9600, 8, "N", 1, 0)  # timeout=0
    return ser.read(10)


async def blocking_port(port):
    ser = serial.Serial(port, 9600, 8, "N", 1, 2)
    return ser.read(10)  # want: ASL202


async def other_buffer(port, other):
    ser = serial.Serial(port, 9600)
    return ser.read(other.in_waiting)  # want: ASL202


class Transport:
    # Given the port by its maker; the `timeout` property set to 0 switches
    # it to non-blocking mode. Quiet.
    def __init__(self, port_instance):
        self._serial = port_instance
        self._serial.timeout = 0

    async def read_ready(self):
        return self._serial.read(1024)


class SlowTransport:
    # A non-zero timeout stored too: the read may wait.
    def __init__(self, port_instance, slow):
        self._serial = port_instance
        self._serial.timeout = 0
        if slow:
            self._serial.timeout = 1

    async def read_ready(self):
        return self._serial.read(1024)  # want: ASL202


async def property_set_locally(port):
    ser = serial.Serial(port, 9600)
    ser.timeout = 0
    return ser.read(10)


def make_transports(port):
    return Transport(serial.Serial(port)), SlowTransport(serial.Serial(port), True)
