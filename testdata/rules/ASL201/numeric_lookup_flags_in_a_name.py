# getaddrinfo() with AI_NUMERICHOST parses an address, it looks nothing up:
# a helper that passes the flag through a local name (dnspython's
# low_level_address_tuple) does not make its callers block; one whose flags
# may also be a lookup's does.
import socket


def low_level_address_tuple(address, port):
    ai_flags = socket.AI_NUMERICHOST
    ((*_, tup), *_) = socket.getaddrinfo(address, port, flags=ai_flags)
    return tup


def address_tuple(address, port, numeric):
    if numeric:
        ai_flags = socket.AI_NUMERICHOST
    else:
        ai_flags = 0
    ((*_, tup), *_) = socket.getaddrinfo(address, port, flags=ai_flags)
    return tup


async def make_socket(sock, source, destination):
    sock.bind(low_level_address_tuple(*source))
    await sock.connect(address_tuple(*destination, False))  # want: ASL201 "blocking `socket\.getaddrinfo\(\)`"
