from core import core


async def images():
    await core.refresh()  # quiet: backends.RemoteCore overrides it with an async def
    await core.connect()  # quiet: a stub, overridden
    await core.close()  # want: ASL110 "DockerCore.close"
    return await core.list_images()  # want: ASL110
