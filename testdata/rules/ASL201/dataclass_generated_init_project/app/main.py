from app.settings import (
    Cached,
    Explicit,
    Link,
    Manual,
    Member,
    Pair,
    Pooled,
    Probe,
    Record,
    Registered,
    Remote,
    SessionThread,
    Settings,
    ThreadedConnector,
    ThreadedSession,
    Token,
    TypedSession,
    Warmed,
)


async def start(name):
    a = Settings(name)  # want: ASL201 "generated `__init__` calls `fetch_defaults\(\)` \(field `defaults`'s `default_factory`: the call passes no `defaults`\), which calls blocking `requests.get\(\)`"
    b = Warmed()  # want: ASL201 "generated `__init__` calls `Warmed.__post_init__\(\)`, which calls blocking `time.sleep\(\)`"
    c = Remote()  # want: ASL201 "field `profile`'s `default_factory`"
    d = Remote(profile={})  # want: ASL201 "field `session`'s `default_factory`"
    e = Cached(name)  # want: ASL201 "field `cache`'s `default_factory`"
    return a, b, c, d, e


async def start_quiet(name, values, args, options):
    # The call passes the field by keyword or by position, or may pass it
    # (*args, **kwargs); the class writes its own __init__, says init=False,
    # or has another decorator that may replace the class.
    f = Settings(name, defaults=values)
    g = Settings(name, values)
    h = Settings(*args)
    i = Settings(name, **options)
    j = Remote(profile={}, session=None)
    k = Manual()
    m = Registered()
    n = Explicit(values)
    o = Pair(1, values)  # a ClassVar is no field: `extra` is the second parameter
    return f, g, h, i, j, k, m, n, o


def build(name):
    return Settings(name)  # quiet: not in a coroutine


async def connect(key):
    record = Record(key)  # quiet: the dataclass's own __init__ runs, not Connector's
    link = Link()  # want: ASL201 "`Link\(\)` blocks the event loop"
    return record, link


async def login(value):
    pooled = Pooled()  # want: ASL201 "`Pooled\(\)` blocks the event loop"
    token = Token(value)  # quiet: the dataclass's own __init__ runs, not Session's
    return pooled, token


async def join(name, profile):
    a = Member(name)  # want: ASL201 "field `profile`'s `default_factory`"
    b = Member(name, profile)  # quiet: the base's field `profile` is the second parameter
    d = Probe()  # want: ASL201 "generated `__init__` calls `Checked.__post_init__\(\)`"
    return a, b, d


async def promote(name):
    return Member(name, role="admin")  # want: ASL201 "field `profile`'s `default_factory`"


async def threads():
    a = ThreadedSession()  # quiet: Thread.__init__ runs, not Session's
    b = ThreadedConnector()  # quiet: Thread.__init__ runs, not Connector's
    return a, b


async def session_thread():
    return SessionThread()  # want: ASL201 "`SessionThread\(\)` blocks the event loop"


async def typed_session():
    return TypedSession()  # want: ASL201 "`TypedSession\(\)` blocks the event loop"
