# Quiet: this directory's `remote` is a Recorder.
async def test_remote(remote):
    remote.get("/x")
