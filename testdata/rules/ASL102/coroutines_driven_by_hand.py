# getattr() on a coroutine object reads one of its attributes: taking its
# own __await__, send, throw or close runs or closes it by hand (aiormq's
# probe of how coroutines are awaited); other names are misuse or a probe.


async def probe():
    pass


def drives_it_to_the_end():
    coro = probe()
    step = getattr(coro, "__await__", None)
    fallback = getattr(coro, "__iter__", None)
    for _ in (step or fallback)():
        pass
    return bool(step)


def closes_it():
    coro = probe()
    getattr(coro, "close")()


def only_probes_it():
    coro = probe()  # want: ASL102 "probed"
    print(getattr(coro, "cr_frame", None))


def reads_it_as_the_result():
    value = probe()  # want: ASL102 "getattr"
    return getattr(value, "status")


HAS_AWAIT_METHOD = hasattr(probe(), "__await__")  # want: ASL102 "hasattr"
