# A receive that a poll found ready does not wait: the zguide's forms of
# the check (`socks.get(sock) == zmq.POLLIN`, `sock in socks and
# socks[sock] == zmq.POLLIN`), and a receive told not to wait through a
# local flag. The synchronous poll is what waits, reported once.
import zmq
import zmq.asyncio


async def guide(receiver: zmq.Socket, subscriber: zmq.Socket, sender: zmq.Socket):
    poller = zmq.asyncio.Poller()
    poller.register(receiver, zmq.POLLIN)
    poller.register(subscriber, zmq.POLLIN)
    poller.register(sender, zmq.POLLIN | zmq.POLLOUT)
    while True:
        socks = dict(await poller.poll())
        # Quiet: the poll found them readable.
        if socks.get(receiver) == zmq.POLLIN:
            print(receiver.recv())
        if receiver in socks and socks[receiver] == zmq.POLLIN:
            print(receiver.recv_multipart())
        if socks.get(subscriber) & zmq.POLLIN:
            print(subscriber.recv_string())
        if socks.get(subscriber):
            print(subscriber.recv_json())
        # Writable is not readable.
        if socks.get(sender) == zmq.POLLOUT:
            print(sender.recv())  # want: ASL202
        # Another socket's readiness.
        if socks.get(subscriber) == zmq.POLLIN:
            print(receiver.recv())  # want: ASL202 "\(and 1 more call in `guide`: line 33\)"
        # Either may be false.
        if receiver in socks or subscriber in socks:
            print(receiver.recv())  # reported: named by line 30's finding


async def guide_sync(receiver: zmq.Socket):
    poller = zmq.Poller()
    poller.register(receiver, zmq.POLLIN)
    socks = dict(poller.poll(1000))  # want: ASL202
    if socks.get(receiver) == zmq.POLLIN:
        return receiver.recv()
    return None


async def told_not_to_wait(sock: zmq.Socket):
    flags = zmq.NOBLOCK
    try:
        return sock.recv(flags)
    except zmq.Again:
        return None


async def told_to_wait(sock: zmq.Socket):
    flags = 0
    return sock.recv(flags)  # want: ASL202
