# upstream: tests/eval_files/async913.py @ 85fe6121f62b8975e25f86aac36ae4a4d33f3063
# codes: ASYNC913
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.


def pick() -> bool: ...


async def step(): ...


async def spins():
    while True:  # want: ASYNC913
        print("spin")


async def awaits_each_time():
    while True:
        await step()


async def awaits_sometimes():
    while True:  # want: ASYNC913
        if pick():
            await step()


async def can_break():
    while True:
        if pick():
            break


async def nested_loops():
    while True:
        while True:  # want: ASYNC913
            print("spin")


async def conditional_inner_loop():
    while True:  # want: ASYNC913
        if pick():
            while True:  # want: ASYNC913
                print("spin")


async def returns_after_await():
    while True:  # want: ASYNC913
        if pick():
            await step()
            return


async def returns_without_await():
    while True:  # want: ASYNC913
        if pick():
            return


async def yields_sometimes():
    await step()
    while True:  # want: ASYNC913
        if pick():
            yield 1
        if pick():
            yield 2


async def yields_in_inner_loop():
    await step()
    while True:  # want: ASYNC913
        while pick():
            yield 1
