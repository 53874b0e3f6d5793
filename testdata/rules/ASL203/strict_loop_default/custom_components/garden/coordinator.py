# ASL203 is off by default, but on in a Home Assistant integration: a new
# httpx client per poll loads the CA bundle on the shared loop each time
# (Home Assistant reports load_verify_locations as a blocking call).
import httpx
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator


class GardenCoordinator(DataUpdateCoordinator):
    async def _async_update_data(self):
        async with httpx.AsyncClient(timeout=10) as client:  # want: ASL203
            return (await client.get("https://example.org/garden")).json()
