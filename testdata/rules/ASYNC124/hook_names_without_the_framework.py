# A function named like a Home Assistant hook in a module that does not
# import Home Assistant is nobody's hook.
async def async_setup_entry(hass, entry) -> bool:  # want: ASYNC124
    return True
