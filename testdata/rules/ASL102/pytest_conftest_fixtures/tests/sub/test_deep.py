async def test_deep_session(session):
    session.post("/x")  # want: ASL102 "coroutine `session.post\(\)` is never awaited: its result is discarded"


async def test_deep_api(api):
    api.fetch("/")  # want: ASL102 "coroutine `api.fetch\(\)` is never awaited: its result is discarded"
