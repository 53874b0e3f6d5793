# A package named like a library: a whole-project check keeps it to the end
# and checks the project's other packages in parts it drops. Whether a value
# annotated as one of its classes may be an instance of a subclass adding
# `__iter__` asks about every module, legacy/ among them.


class Stream:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Feed:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


def consume(s: Stream):
    # Quiet: legacy.stream.SyncStream adds __iter__.
    for item in s:
        print(item)


def drain(f: Feed):
    for item in f:  # want: ASL111
        print(item)
