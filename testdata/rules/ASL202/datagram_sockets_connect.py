# connect() of a UDP socket sends nothing and waits for nothing: it picks
# the route and the peer (aiocoap's route check, get_local_ip helpers); a
# datagram send of a fresh socket waits for no peer either.
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
    # Quiet: a datagram send of a fresh socket goes to the kernel's buffer;
    # nothing waits for the peer.
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((ip, port))
    sock.sendall(data)
    return sock


async def wake_on_lan(mac):
    packet = bytes.fromhex("F" * 12 + mac * 16)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.sendto(packet, ("<broadcast>", 9))
        sock.sendto(packet, 0, ("255.255.255.255", 9))


async def udp_send_to_name(data):
    # Fires: the host name is looked up first.
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.sendto(data, ("example.com", 9))  # want: ASL202


async def udp_request(ip, port, data):
    # Fires: the reply is waited for.
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.sendto(data, (ip, port))
    return sock.recvfrom(1024)  # want: ASL202


async def udp_send_on(sock: socket.socket, data):
    # Fires: a socket made elsewhere may have a full send buffer (or be a
    # stream socket).
    sock.sendto(data, ("10.0.0.1", 9))  # want: ASL202

