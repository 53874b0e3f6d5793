from waste_pickup import SourceShell


async def setup(config):
    for name in config:
        SourceShell.create(name)
