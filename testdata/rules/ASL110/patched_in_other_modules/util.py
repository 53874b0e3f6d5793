# A plain function or method is not reported when awaited if a module
# anywhere in the project (plugins.py and conftest.py, which app.py does not
# import) rebinds its name on an object or patches it: the name may hold a
# coroutine function when the line runs.


def reconnect():
    return None


def version():
    return "1.0"


def status():
    return {"ok": True}


class Client:
    def fetch(self):
        return []

    def close(self):
        return None

    def ping(self):
        return True
