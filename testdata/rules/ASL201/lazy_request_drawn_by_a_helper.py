# A lazy request (a call that sends nothing until its result is iterated:
# dnspython's zone transfer generator, PyMongo's find cursor) handed to a
# plain function of the module that loops over the parameter receiving it:
# the helper runs on its caller's thread and draws the request there.
import asyncio

import dns.query
import pymongo


class DnsHelper:
    def __init__(self, domain):
        self.domain = domain

    def from_wire(self, xfr, relativize=True):
        names = []
        for message in xfr:
            names.extend(message.answer)
        return names

    def zone_transfer(self, nameserver):
        return self.from_wire(dns.query.xfr(nameserver, self.domain))

    # Quiet: stores the generator; a thread draws it.
    def keep(self, xfr):
        self.pending = xfr
        return xfr


def names_of(cursor):
    return [doc["name"] for doc in cursor]


def names_lazily(cursor):
    for doc in cursor:
        yield doc["name"]


async def axfr_test(helper: DnsHelper, nameserver):
    return helper.zone_transfer(nameserver)  # want: ASL201 "dns.query.xfr"


async def users(db: pymongo.database.Database):
    return names_of(db.users.find({"active": True}))  # want: ASL202


async def transfer_by_keyword(helper: DnsHelper, nameserver, domain):
    return helper.from_wire(xfr=dns.query.xfr(nameserver, domain))  # want: ASL202


# Quiet: the helper keeps the generator and a thread drains it.
async def drained_in_thread(helper: DnsHelper, nameserver, domain):
    xfr = helper.keep(dns.query.xfr(nameserver, domain))
    return await asyncio.to_thread(list, xfr)


# Quiet: a generator helper loops over the cursor only when it is drawn,
# here in a thread.
async def lazy_names(db: pymongo.database.Database):
    names = names_lazily(db.users.find())
    return await asyncio.to_thread(list, names)
