# upstream: tests/eval_files/async200.py @ 6843dc85c4bc4b807feffd5d30902aa0bf5e483e
# codes: ASYNC200
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# As upstream, the configured names are bound nowhere in the file.


def sync_caller():
    bar()
    bee.bonnet()


async def configured_calls():
    bar()  # want: ASYNC200
    print(bar())  # want: ASYNC200

    bee.bonnet()  # want: ASYNC200

    bar.postwild()  # want: ASYNC200
    prewild.anything()  # want: ASYNC200
    a.b.c()  # want: ASYNC200

    bar
    bee.bonnet
    boo(bar=None)

    [bee.bonnet][0]()
    alias = bee.bonnet
    alias()

    lambda: bar()

    def nested_sync():
        bar()

        async def nested_async():
            bar()  # want: ASYNC200

    bar()  # want: ASYNC200

    await bar()
    print(await bar())

    await print(bar())  # want: ASYNC200
    await (foo() if bar() else foo())  # want: ASYNC200
    await bee.bonnet(bar())  # want: ASYNC200

    # upstream's own "known false alarms"
    await (x := bar())  # want: ASYNC200
    await (bar() if True else foo())  # differs: ASYNC200 -- its value is awaited: an async API (upstream calls this a known false alarm)
    await (await bee.bonnet() or bar())  # want: ASYNC200
    await ((lambda: bee.bonnet()) and bar())  # want: ASYNC200

    bar()  # want: ASYNC200


# Upstream's file defines `bar` itself: a bare entry names the call as
# written, also when the function is the project's own.
def local_helper():
    return 1


async def calls_local_helper():
    local_helper()  # want: ASYNC200
    await asyncio.to_thread(local_helper)


def sync_calls_local_helper():
    local_helper()
