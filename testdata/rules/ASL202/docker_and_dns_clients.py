# docker-py and dnspython: each call below is a round trip to the Docker
# daemon or a name server, made on the event loop's thread.
import asyncio

import docker
import dns.asyncquery
import dns.asyncresolver
import dns.resolver
from dns import query, resolver


class Builder:
    def __init__(self):
        self.client = docker.from_env()

    async def build(self, path, tag):
        image, logs = self.client.images.build(path=path, tag=tag)  # want: ASL202 "docker-py has no asyncio client"
        return image

    async def run(self, image):
        return self.client.containers.run(image, detach=True)  # want: ASL202

    async def stop(self, name):
        container = self.client.containers.get(name)  # want: ASL202
        container.stop()  # want: ASL202

    # Quiet: offloaded to a thread.
    async def listed(self):
        return await asyncio.to_thread(self.client.containers.list)

    # Quiet: a plain method, run wherever its caller runs it.
    def sync_list(self):
        return self.client.containers.list()


async def resolve(message, timeout):
    server = resolver.get_default_resolver().nameservers[0]
    return query.udp(message, server, timeout=timeout)  # want: ASL202 "dns.asyncquery.udp"


async def addresses(name):
    answer = dns.resolver.resolve(name, "A")  # want: ASL202 "dns.asyncresolver.resolve"
    return [r.address for r in answer]


# Quiet: the asyncio API, awaited.
async def async_addresses(name, message, server):
    answer = await dns.asyncresolver.resolve(name, "A")
    reply = await dns.asyncquery.udp(message, server)
    return answer, reply


async def forgot(name):
    dns.asyncresolver.resolve(name, "A")  # want: ASL102


# The low-level APIClient: each method is an Engine API request, except the
# config builders, which only build a dict locally.
async def low_level(image):
    api = docker.APIClient(base_url="unix://var/run/docker.sock")
    host_config = api.create_host_config(port_bindings={80: 8080})
    networking = api.create_networking_config({"net": api.create_endpoint_config(aliases=["web"])})
    container = api.create_container(image, host_config=host_config, networking_config=networking)  # want: ASL202
    api.start(container)  # want: ASL202
    return container
