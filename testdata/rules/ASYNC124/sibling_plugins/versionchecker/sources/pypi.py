async def get_version(name, conf, *, cache, **kwargs):
    data = await cache.get_json("https://pypi.org/pypi/%s/json" % name)
    return data["info"]["version"]
