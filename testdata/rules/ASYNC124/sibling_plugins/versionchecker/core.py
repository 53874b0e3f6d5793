import importlib


async def check(name, conf):
    mod = importlib.import_module("versionchecker.sources." + conf["source"])
    return await mod.get_version(name, conf)
