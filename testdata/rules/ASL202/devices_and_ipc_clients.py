# Synchronous clients of message sockets, serial ports, child terminals,
# WebSocket/HTTP transfers and psutil's sampling: each call below waits on
# the event loop's thread.
import asyncio

import pexpect
import psutil
import pycurl
import serial
import websocket
import zmq
import zmq.asyncio


class Worker:
    def __init__(self):
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.PULL)
        self.port = serial.Serial("/dev/ttyUSB0", 9600, timeout=1)

    async def next_job(self):
        return self.sock.recv_json()  # want: ASL202 "zmq.asyncio"

    # The poll waits; the recv it guards finds the message there.
    async def poll_jobs(self):
        if self.sock.poll(1000):  # want: ASL202
            return self.sock.recv()

    async def poll_then_wait(self):
        self.sock.poll(0)
        return self.sock.recv()  # want: ASL202

    # Quiet: told not to wait (raises zmq.Again when nothing is ready).
    async def try_job(self):
        try:
            return self.sock.recv(zmq.NOBLOCK)
        except zmq.Again:
            return None

    async def try_job_flags(self):
        return self.sock.recv_multipart(flags=zmq.DONTWAIT)

    # Quiet: poll(0) returns at once.
    async def ready(self):
        return self.sock.poll(0)

    async def reading(self):
        return self.port.readline()  # want: ASL202 "pyserial-asyncio"

    # Quiet: a plain method, run wherever its caller runs it.
    def sync_reading(self):
        return self.port.readline()

    # Quiet: offloaded.
    async def offloaded(self):
        return await asyncio.to_thread(self.port.readline)


# Quiet: pyzmq's asyncio sockets return Futures that are awaited.
async def async_sockets():
    ctx = zmq.asyncio.Context()
    sock = ctx.socket(zmq.SUB)
    message = await sock.recv()
    await sock.send(b"ack")
    return message


async def login(host):
    child = pexpect.spawn(f"ssh {host}")
    child.expect("password:")  # want: ASL202 "async_=True"
    child.sendline("secret")
    await child.expect("\\$", async_=True)  # quiet: pexpect's asyncio mode
    return child


async def build():
    return pexpect.run("make -j4")  # want: ASYNC221


async def ticker(url):
    ws = websocket.create_connection(url)  # want: ASL202 "websockets"
    while True:
        print(ws.recv())  # want: ASL202


async def stream(url, on_message):
    app = websocket.WebSocketApp(url, on_message=on_message)
    app.run_forever()  # want: ASL202


async def fetch(url, buffer):
    curl = pycurl.Curl()
    curl.setopt(pycurl.URL, url)
    curl.setopt(pycurl.WRITEDATA, buffer)
    curl.perform()  # want: ASL202 "aiohttp"
    curl.close()


async def load(pid):
    system = psutil.cpu_percent(interval=1)  # want: ASL202 "interval=None"
    process = psutil.Process(pid).cpu_percent(0.5)  # want: ASL202
    return system, process


# Quiet: without an interval (or with None or 0) psutil compares with the
# previous call and returns at once.
async def load_now(pid):
    return psutil.cpu_percent(), psutil.cpu_percent(interval=None), psutil.Process(pid).cpu_percent(0)


# Quiet: the receive follows a poll that found the socket ready (pyzmq's
# own authenticator); the asyncio poller's poll is awaited.
async def dispatch(pipe: zmq.Socket, zap: zmq.Socket):
    poller = zmq.asyncio.Poller()
    poller.register(pipe, zmq.POLLIN)
    poller.register(zap, zmq.POLLIN)
    while True:
        events = dict(await poller.poll())
        if pipe in events:
            msg = pipe.recv_multipart()
            print(msg)
        if zap not in events:
            continue
        print(zap.recv_multipart())


async def handle_zap(poller: zmq.asyncio.Poller, zap: zmq.Socket):
    while True:
        events = await poller.poll()
        if zap in dict(events):
            print(zap.recv_multipart())


# The sync poller waits on the loop's thread (jupyter_client #1022: "zmq.Poller
# is not async"); the receives it guards do not.
async def execute_interactive(socket: zmq.Socket, timeout_ms):
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    events = dict(poller.poll(timeout_ms))  # want: ASL202
    if socket in events:
        return socket.recv_multipart()
    return socket.recv_multipart()  # want: ASL202
