# dnspython zone transfers: dns.query.xfr is a generator function, so the
# transfer (connect, send AXFR, read every message up to the closing SOA)
# runs where the generator is drawn, and dns.zone.from_xfr draws it to the
# end. Handing xfr itself to an executor only builds the generator there.
import asyncio

import dns.asyncquery
import dns.query
import dns.zone


class ZoneTransfer:
    def __init__(self, timeout):
        self.timeout = timeout

    async def handle(self, nameserver, domain):
        loop = asyncio.get_running_loop()
        xfr = await loop.run_in_executor(None, dns.query.xfr, nameserver, domain)
        zone = dns.zone.from_xfr(xfr)  # want: ASL202 "dns.asyncquery.inbound_xfr"
        return zone

    async def inline(self, nameserver, domain):
        return dns.zone.from_xfr(dns.query.xfr(nameserver, domain, timeout=self.timeout))  # want: ASL202

    async def messages(self, nameserver, domain):
        answers = []
        for message in dns.query.xfr(nameserver, domain):  # want: ASL202 "inbound_xfr"
            answers.append(message)
        return answers

    # Quiet: the whole transfer runs in the executor's thread.
    async def offloaded(self, nameserver, domain):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.transfer, nameserver, domain)

    # Quiet: building the generator sends nothing; the thread drains it.
    async def drained_in_thread(self, nameserver, domain):
        xfr = dns.query.xfr(nameserver, domain)
        return await asyncio.to_thread(dns.zone.from_xfr, xfr)

    # Quiet: a plain method, run wherever its caller runs it.
    def transfer(self, nameserver, domain):
        xfr = dns.query.xfr(nameserver, domain, timeout=self.timeout, lifetime=self.timeout)
        return dns.zone.from_xfr(xfr)


# Quiet: dnspython's asyncio transfer, awaited.
async def async_transfer(nameserver, domain):
    zone = dns.zone.Zone(domain)
    await dns.asyncquery.inbound_xfr(nameserver, zone)
    return zone
