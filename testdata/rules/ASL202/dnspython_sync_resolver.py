# dnspython's stub resolver (dns.resolver) answers over the network
# synchronously (Resolver.resolve sends with dns.query.udp/tcp and sleeps its
# backoff between rounds); dns.asyncresolver is its asyncio twin. Found as a
# corpus27 miss (a DNS monitor's `dns.resolver.resolve(domain, 'NS')` in a
# coroutine). Receivers are typed from the constructor, never from the bare
# names resolve/query.
import asyncio

import dns.asyncresolver
import dns.resolver
from dns.resolver import Resolver


async def name_servers(domain):
    return dns.resolver.resolve(domain, "NS")  # want: ASL202 "`dns\.resolver\.resolve\(\)` blocks the event loop in async function `name_servers`; use dnspython's `dns\.asyncresolver`"


async def mail_servers(domain):
    resolver = Resolver()
    resolver.lifetime = 3.0
    return resolver.resolve(domain, "MX")  # want: ASL202 "`resolver\.resolve\(\)` \(dns\.resolver\.Resolver\.resolve\) blocks the event loop"


async def legacy_txt(domain):
    return dns.resolver.get_default_resolver().query(domain, "TXT")  # want: ASL202 "blocks the event loop in async function `legacy_txt`"


def srv_records(host):
    return dns.resolver.resolve(host, "SRV")


async def peers(host):
    return srv_records(host)  # want: ASL201 "`srv_records\(\)` blocks the event loop in async function `peers`: it calls blocking `dns\.resolver\.resolve\(\)`"


# Quiet: the async twin, a worker thread, synchronous code, other objects'
# resolve/query.
async def name_servers_async(domain):
    answer = await dns.asyncresolver.resolve(domain, "NS")
    resolver = dns.asyncresolver.Resolver()
    return answer, await resolver.resolve(domain, "A")


async def name_servers_in_thread(domain):
    return await asyncio.to_thread(dns.resolver.resolve, domain, "NS")


def name_servers_sync(domain):
    return dns.resolver.resolve(domain, "NS")


class Cache:
    def resolve(self, name):
        return name

    def query(self, name, kind):
        return (name, kind)


async def cached(cache: Cache, domain):
    return cache.resolve(domain), cache.query(domain, "A")
