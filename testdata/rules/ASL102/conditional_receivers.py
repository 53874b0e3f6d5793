# The type of `given if given else Default()` (and of a conditional whose
# branches agree) is the receiver's type: a coroutine method called on it and
# dropped is reported. Branches of two types, or an untyped branch that the
# condition does not test, name no type: quiet.
class Session:
    async def add_callback(self, node, callback):
        return node


class Other:
    def add_callback(self, node, callback):
        return node


class Internal:
    def __init__(self):
        self.session = Session()


class Server:
    def __init__(self, internal: Internal = None, fallback=None, flag=False):
        self.internal = internal if internal else Internal()
        self.given = fallback if fallback is not None else Session()
        self.both = Session() if flag else Session()
        self.mixed = Session() if flag else Other()
        self.untested = fallback if flag else Session()

    def link(self, node, callback):
        self.internal.session.add_callback(node, callback)  # want: ASL102
        self.given.add_callback(node, callback)  # want: ASL102
        self.both.add_callback(node, callback)  # want: ASL102

    def quiet(self, node, callback):
        # Two types, or an untyped branch the condition does not test: unknown.
        self.mixed.add_callback(node, callback)
        self.untested.add_callback(node, callback)
