# ASYNC240 is off by default, but on in a Home Assistant integration (a
# module under custom_components/ or importing homeassistant): Home
# Assistant runs every integration on one shared loop and reports
# os.listdir() and the like there as blocking calls.
import os


async def async_setup_entry(hass, entry):
    names = os.listdir(entry.data["folder"])  # want: ASYNC240
    return names
