async def test_remote(remote):
    remote.fetch("/x")  # want: ASL102 "coroutine `remote.fetch\(\)` is never awaited: its result is discarded"
