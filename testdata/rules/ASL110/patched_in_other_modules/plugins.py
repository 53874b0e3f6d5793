import util


async def areconnect():
    return None


async def afetch(self):
    return []


def install():
    util.reconnect = areconnect
    util.Client.fetch = afetch


def finish(job):
    # A literal assigned puts no callable there: util.status stays reported.
    job.status = "done"
