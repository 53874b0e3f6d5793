# A sync helper that resolves only "localhost" or an address literal does not
# make its callers block (redis's ClusterNode and NodesManager.get_node); one
# that resolves any other host does.
import socket


class ClusterNode:
    def __init__(self, host, port):
        if host == "localhost":
            host = socket.gethostbyname(host)
        self.host = host
        self.port = port


class RemoteNode:
    def __init__(self, host, port):
        self.host = socket.gethostbyname(host)
        self.port = port


def node_name(host, port):
    if host and port:
        if host == "localhost":
            host = socket.gethostbyname(host)
        return f"{host}:{port}"
    return None


async def initialize(hosts):
    nodes = [ClusterNode(h, 6379) for h in hosts]
    names = [node_name(h, 6379) for h in hosts]
    remote = RemoteNode(hosts[0], 6379)  # want: ASL201 "blocking `socket\.gethostbyname\(\)`"
    return nodes, names, remote
