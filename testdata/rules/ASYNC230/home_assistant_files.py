from homeassistant.core import HomeAssistant
from homeassistant.util.json import load_json
from homeassistant.util.yaml import save_yaml
from homeassistant.util.yaml.loader import load_yaml
import homeassistant.util.file as ha_file


async def async_update_services(hass: HomeAssistant, path: str) -> None:
    services = load_yaml(path)  # want: ASYNC230
    services["see"] = {"fields": {}}
    save_yaml(path, services)  # want: ASYNC230


async def async_load_state(hass: HomeAssistant) -> dict:
    data = load_json(hass.config.path(".storage/state"))  # want: ASYNC230
    ha_file.write_utf8_file(hass.config.path("state.txt"), str(data))  # want: ASYNC230
    return data


# In the executor, or in sync code the executor runs: quiet.
async def async_update_services_offloaded(hass: HomeAssistant, path: str) -> None:
    services = await hass.async_add_executor_job(load_yaml, path)
    services["see"] = {"fields": {}}
    await hass.async_add_executor_job(save_yaml, path, services)


def update_services(path: str) -> None:
    services = load_yaml(path)
    save_yaml(path, services)


async def async_setup(hass: HomeAssistant) -> bool:
    await hass.async_add_executor_job(update_services, "/config/services.yaml")
    return True
