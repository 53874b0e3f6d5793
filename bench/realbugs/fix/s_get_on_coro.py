# Reduced shape of https://github.com/infiniflow/ragflow/pull/11472
# (.get() on a project coroutine object); not the project's code.
async def load_settings(tenant):
    return {"model": "x"}


async def pick_model(tenant):
    settings = await load_settings(tenant)
    return settings.get("model", "default")
