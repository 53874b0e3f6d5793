# Reported: a module of another package (tools, not sources) defines it.
async def get_version(name, conf):  # want: ASYNC124
    return conf.get("version")
