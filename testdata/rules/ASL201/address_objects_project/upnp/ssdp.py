# async-upnp-client's get_ssdp_socket: getaddrinfo() of str() of an
# IPv4Address/IPv6Address parses an address literal, it looks nothing up.
import ipaddress
import socket
from ipaddress import IPv4Address, IPv6Address
from typing import Tuple

from .const import AddressTupleVXType, HostOrAddress, IPvXAddress


def ip_port_from_address_tuple(address_tuple: AddressTupleVXType) -> Tuple[IPvXAddress, int]:
    if len(address_tuple) == 4:
        return IPv6Address(f"{address_tuple[0]}%{address_tuple[3]}"), address_tuple[1]
    return IPv4Address(address_tuple[0]), address_tuple[1]


def get_ssdp_socket(source: AddressTupleVXType, target: AddressTupleVXType):
    target_ip, target_port = ip_port_from_address_tuple(target)
    target_info = socket.getaddrinfo(str(target_ip), target_port, type=socket.SOCK_DGRAM)[0]
    source_ip, source_port = ip_port_from_address_tuple(source)
    source_info = socket.getaddrinfo(str(source_ip), source_port, type=socket.SOCK_DGRAM)[0]
    sock = socket.socket(source_info[0], source_info[1])
    return sock, source_info[4], target_info[4]


def socket_for(address: ipaddress.IPv4Address, port: int):
    info = socket.getaddrinfo(str(address), port)[0]
    return socket.socket(info[0], info[1])


def socket_for_host(host: HostOrAddress, port: int):
    # A str member: maybe a host name, looked up.
    info = socket.getaddrinfo(str(host), port)[0]
    return socket.socket(info[0], info[1])


def socket_for_name(name: str, port: int):
    info = socket.getaddrinfo(str(name), port)[0]
    return socket.socket(info[0], info[1])
