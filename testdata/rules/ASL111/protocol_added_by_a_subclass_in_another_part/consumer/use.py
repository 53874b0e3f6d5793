from aiormq.stream import Feed, Stream


def use(s: Stream, f: Feed):
    # Quiet: legacy.stream.SyncStream adds __iter__ (a module of another
    # part, checked before or after this one).
    for item in s:
        print(item)
    for item in f:  # want: ASL111
        print(item)
