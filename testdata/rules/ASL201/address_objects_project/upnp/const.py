from ipaddress import IPv4Address, IPv6Address
from typing import Tuple, Union

AddressTupleV4Type = Tuple[str, int]
AddressTupleV6Type = Tuple[str, int, int, int]
AddressTupleVXType = Union[AddressTupleV4Type, AddressTupleV6Type]
IPvXAddress = Union[IPv4Address, IPv6Address]
HostOrAddress = Union[str, IPv4Address]
