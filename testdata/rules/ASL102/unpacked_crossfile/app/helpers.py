import aiohttp


def transform(req):
    session = aiohttp.ClientSession()
    return session.post, (req,), session.close


def mixed(flag):
    if flag:
        return aiohttp.ClientSession(), 1
    return 1, aiohttp.ClientSession()


class Factory:
    def open(self):
        session = aiohttp.ClientSession()
        return session, session.close


POST, ARGS, CLOSE = transform("module")
