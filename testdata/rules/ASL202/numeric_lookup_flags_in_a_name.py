import socket


async def scoped_address(address, port):
    # Quiet: the flag is the local name's only value: no lookup.
    ai_flags = socket.AI_NUMERICHOST
    return socket.getaddrinfo(address, port, flags=ai_flags)[0][4]


async def any_address(address, port, numeric):
    # Fires: the name may hold 0, a lookup's flags.
    ai_flags = socket.AI_NUMERICHOST if numeric else 0
    return socket.getaddrinfo(address, port, flags=ai_flags)[0][4]  # want: ASL202


async def reassigned(address, port):
    # Fires: one of the name's values is not a numeric flag.
    ai_flags = socket.AI_NUMERICHOST
    ai_flags = socket.AI_CANONNAME
    return socket.getaddrinfo(address, port, flags=ai_flags)[0][4]  # want: ASL202
