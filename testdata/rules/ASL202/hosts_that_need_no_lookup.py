# A resolver call whose host needs no lookup returns at once: an IP address
# literal is parsed, and "localhost" is answered locally (RFC 6761, the hosts
# file). The host may be the literal itself or a name the enclosing `if` has
# just compared with one (redis's cluster client:
# `if host == "localhost": host = socket.gethostbyname(host)`).
import socket


async def literal_hosts(port, name):
    socket.gethostbyname("127.0.0.1")
    socket.gethostbyname_ex("::1")
    socket.gethostbyname("localhost")
    socket.getaddrinfo("localhost", port)
    socket.getaddrinfo(host="10.0.0.1", port=port)
    socket.gethostbyname(name)  # want: ASL202 "`socket\.gethostbyname\(\)` blocks the event loop.*\(and 3 more calls in `[a-z_]+`: lines 16, 17, 18\)"
    socket.gethostbyname("example.com")  # reported: named by line 15's finding
    socket.gethostbyname(f"{name}.local")  # reported: named by line 15's finding
    socket.gethostbyname("localhost.example.com")  # reported: named by line 15's finding


async def compared_first(host, port):
    if host == "localhost":
        host = socket.gethostbyname(host)
    if "127.0.0.1" == host and port:
        socket.getaddrinfo(host, port)
    if host in ("localhost", "::1"):
        socket.getaddrinfo(host, port)
    return host


class Node:
    async def connect(self):
        if self.host == "localhost":
            self.address = socket.gethostbyname(self.host)


async def compared_but_not_local(host, port, other):
    if host != "localhost":
        socket.gethostbyname(host)  # want: ASL202 "\(and 6 more calls in `compared_but_not_local`: lines 41, 43, 45, 47, 50, 53\)"
    else:
        socket.gethostbyname(host)  # reported, named by line 39's finding (only the `if` branch is narrowed)
    if host == "localhost" or port:
        socket.gethostbyname(host)  # reported, named by line 39's finding (`or`: port alone lets any host in)
    if host in ("localhost", other):
        socket.gethostbyname(host)  # reported, named by line 39's finding
    if other == "localhost":
        socket.gethostbyname(host)  # reported, named by line 39's finding (another name was compared)
    if host == "localhost":
        host = other
        socket.gethostbyname(host)  # reported, named by line 39's finding (assigned again after the test)
    if host == "localhost":
        for host in other:
            socket.gethostbyname(host)  # reported, named by line 39's finding
