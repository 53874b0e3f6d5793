from .ssdp import get_ssdp_socket, socket_for, socket_for_host, socket_for_name


class SsdpListener:
    def __init__(self, source, target):
        self.source = source
        self.target = target

    async def async_start(self):
        # Quiet: numeric hosts only.
        sock, _source, _target = get_ssdp_socket(self.source, self.target)
        return sock

    async def async_start_one(self, address):
        return socket_for(address, 1900)

    async def async_start_host(self, host):
        return socket_for_host(host, 1900)  # want: ASL201 "blocking `socket\.getaddrinfo\(\)`"

    async def async_start_name(self, name):
        return socket_for_name(name, 1900)  # want: ASL201 "blocking `socket\.getaddrinfo\(\)`"
