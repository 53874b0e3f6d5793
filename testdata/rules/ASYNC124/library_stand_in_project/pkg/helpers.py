import json


async def parse(payload):  # want: ASYNC124
    # Fires: a module nobody imports in a library's place.
    return json.loads(payload)
