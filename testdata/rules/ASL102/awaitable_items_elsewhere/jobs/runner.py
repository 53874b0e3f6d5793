from jobs.hooks import Hooks


async def drain(hooks: Hooks) -> None:
    # The queue and the mapping are annotated in a class of another module:
    # the items taken out are coroutines, which these statements drop.
    await hooks.queue.get()  # want: ASL102 "gives is an awaitable"
    hooks.queue.get_nowait()  # want: ASL102
    hooks.pending.pop("a")  # want: ASL102


async def drain_ok(hooks: Hooks) -> None:
    # Quiet: awaited, or items that are not awaitables.
    await (await hooks.queue.get())
    await hooks.queue.get_nowait()
    await hooks.pending.pop("b")
    await hooks.counts.get()
    hooks.counts.get_nowait()
