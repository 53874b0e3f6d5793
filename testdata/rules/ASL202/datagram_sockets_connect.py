# connect() of a UDP socket sends nothing and waits for nothing: it picks
# the route and the peer (aiocoap's route check, get_local_ip helpers).
import errno
import socket


async def routable(addresses):
    out = []
    for ip, port in addresses:
        with socket.socket(family=socket.AF_INET6, type=socket.SOCK_DGRAM, proto=socket.IPPROTO_UDP) as tempsock:
            try:
                tempsock.connect((ip, port))
            except OSError as e:
                if e.errno == errno.ENETUNREACH:
                    continue
        out.append(ip)
    return out


async def local_ip():
    temp_sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        temp_sock.connect(("8.8.8.8", 80))
        return temp_sock.getsockname()[0]
    finally:
        temp_sock.close()


async def local_ip_for(host):
    # Fires: a host name written out is looked up first.
    temp_sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    temp_sock.connect(("example.com", 80))  # want: ASL202
    return temp_sock.getsockname()[0]


async def tcp_connect(ip, port):
    # Fires: a TCP connect waits for the handshake.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((ip, port))  # want: ASL202
    return sock


async def udp_send(ip, port, data):
    # Fires: only connect() is free; a send may wait for buffer space.
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((ip, port))
    sock.sendall(data)  # want: ASL202
    return sock

