# Quiet: other/conftest.py's `session` (a Recorder) is the nearest.
async def test_other(session):
    session.get("/x")
