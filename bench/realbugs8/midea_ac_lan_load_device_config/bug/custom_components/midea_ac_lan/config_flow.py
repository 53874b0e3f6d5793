"""Config flow for Midea LAN.

Setup current integration and add device entry via the web UI
enable by adding `config_flow: true` in `manifest.json`

`MideaLanConfigFlow`: add device entry
`MideaLanOptionsFlowHandler`: update the options of a config entry

job process:
1. run `async_step_user` when select `Add Device` from web UI
2. default auto discovery action run `async_step_discovery`
3. device available, run `async_step_auto` to show available device list in web UI
    3.1 check local device json with `_load_device_config`
        3.1.1 device exist with `_check_storage_device`,
              send json data to `async_step_manually`
        3.1.2 device NOT exist, get device data from cloud,
              send to `async_step_manually`
            - check login with `async_step_login`
4. add selected device detail with `async_step_manually`
5. run `_save_device_config` and `async_create_entry`
"""

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import homeassistant.helpers.config_validation as cv
import voluptuous as vol
from homeassistant.config_entries import ConfigEntry, ConfigFlow, OptionsFlow
from homeassistant.const import (
    CONF_CUSTOMIZE,
    CONF_DEVICE,
    CONF_DEVICE_ID,
    CONF_IP_ADDRESS,
    CONF_NAME,
    CONF_PASSWORD,
    CONF_PORT,
    CONF_PROTOCOL,
    CONF_SENSORS,
    CONF_SWITCHES,
    CONF_TOKEN,
    CONF_TYPE,
    MAJOR_VERSION,
    MINOR_VERSION,
)
from homeassistant.core import callback
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.helpers.json import save_json
from homeassistant.util.json import load_json
from midealocal.cloud import MideaCloud, get_midea_cloud
from midealocal.device import MideaDevice, ProtocolVersion
from midealocal.discover import discover

if TYPE_CHECKING:
    from aiohttp import ClientSession

if (MAJOR_VERSION, MINOR_VERSION) >= (2024, 4):
    from homeassistant.config_entries import ConfigFlowResult
else:
    from homeassistant.data_entry_flow import (
        AbortFlow,
    )
    from homeassistant.data_entry_flow import (  # type: ignore[assignment]
        FlowResult as ConfigFlowResult,
    )

from .const import (
    CONF_ACCOUNT,
    CONF_KEY,
    CONF_MODEL,
    CONF_REFRESH_INTERVAL,
    CONF_SERVER,
    CONF_SUBTYPE,
    DOMAIN,
    EXTRA_CONTROL,
    EXTRA_SENSOR,
)
from .midea_devices import MIDEA_DEVICES

_LOGGER = logging.getLogger(__name__)

ADD_WAY = {
    "discovery": "Discover automatically",
    "manually": "Configure manually",
    "list": "List all appliances only",
}
PROTOCOLS = {1: "V1", 2: "V2", 3: "V3"}
STORAGE_PATH = f".storage/{DOMAIN}"

PRESET_ACCOUNT = [
    39182118275972017797890111985649342047468653967530949796945843010512,
    29406100301096535908214728322278519471982973450672552249652548883645,
    39182118275972017797890111985649342050088014265865102175083010656997,
]


class MideaLanConfigFlow(ConfigFlow, domain=DOMAIN):  # type: ignore[call-arg]
    """Define current integration setup steps.

    Use ConfigFlow handle to support config entries
    ConfigFlow will manage the creation of entries from user input, discovery
    """

    VERSION = 3
    MINOR_VERSION = 1

    def __init__(self) -> None:
        """MideaLanConfigFlow class."""
        self.available_device: dict = {}
        self.devices: dict = {}
        self.found_device: dict[str, Any] = {}
        self.supports: dict = {}
        self.unsorted: dict[int, Any] = {}
        self.account: dict = {}
        self.cloud: MideaCloud | None = None
        self.session: ClientSession | None = None
        for device_type, device_info in MIDEA_DEVICES.items():
            self.unsorted[device_type] = device_info["name"]

        sorted_device_names = sorted(self.unsorted.items(), key=lambda x: x[1])
        for item in sorted_device_names:
            self.supports[item[0]] = item[1]

    def _save_device_config(self, data: dict[str, Any]) -> None:
        """Save device config to json file with device id."""
        storage_path = Path(self.hass.config.path(STORAGE_PATH))
        storage_path.mkdir(parents=True, exist_ok=True)
        record_file = storage_path.joinpath(f"{data[CONF_DEVICE_ID]!s}.json")
        save_json(record_file.name, data)

    def _load_device_config(self, device_id: str) -> Any:  # noqa: ANN401
        """Load device config from json file with device id."""
        record_file = self.hass.config.path(f"{STORAGE_PATH}/{device_id}.json")
        return load_json(record_file, default={})

    @staticmethod
    def _check_storage_device(device: dict, storage_device: dict) -> bool:
        """Check input device with storage_device."""
        if storage_device.get(CONF_SUBTYPE) is None:
            return False
        if device.get(CONF_PROTOCOL) == ProtocolVersion.V3 and (
            storage_device.get(CONF_TOKEN) is None
            or storage_device.get(CONF_KEY) is None
        ):
            return False
        return True

    def _already_configured(self, device_id: str, ip_address: str) -> bool:
        """Check device from json with device_id or ip address."""
        for entry in self._async_current_entries():
            if device_id == entry.data.get(
                CONF_DEVICE_ID,
            ) or ip_address == entry.data.get(CONF_IP_ADDRESS):
                return True
        return False

    async def async_step_auto(
        self,
        user_input: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> ConfigFlowResult:
        """Discovery device detail info."""
        # discovery device
        if user_input is not None:
            device_id = user_input[CONF_DEVICE]
            device = self.devices[device_id]
            storage_device = self._load_device_config(device_id)
            # device already exist, load from json
            if self._check_storage_device(device, storage_device):
                self.found_device = {
                    CONF_DEVICE_ID: device_id,
                    CONF_TYPE: device.get(CONF_TYPE),
                    CONF_PROTOCOL: device.get(CONF_PROTOCOL),
                    CONF_IP_ADDRESS: device.get(CONF_IP_ADDRESS),
                    CONF_PORT: device.get(CONF_PORT),
                    CONF_MODEL: device.get(CONF_MODEL),
                    CONF_NAME: storage_device.get(CONF_NAME),
                    CONF_SUBTYPE: storage_device.get(CONF_SUBTYPE),
                    CONF_TOKEN: storage_device.get(CONF_TOKEN),
                    CONF_KEY: storage_device.get(CONF_KEY),
                }
                _LOGGER.debug(
                    "Loaded configuration for device %s from storage",
                    device_id,
                )
                return await self.async_step_manually()
            # device not exist, get device detail from cloud
            if CONF_ACCOUNT not in self.account:
                return await self.async_step_login()
            if self.session is None:
                self.session = async_create_clientsession(self.hass)
            if self.cloud is None:
                self.cloud = get_midea_cloud(
                    self.account[CONF_SERVER],
                    self.session,
                    self.account[CONF_ACCOUNT],
                    self.account[CONF_PASSWORD],
                )
                if self.cloud is None:
                    # fmt: off
                    raise AbortFlow(
                        f"Can not get midea cloud: {self.account[CONF_SERVER]}",
                    )
                    # fmt: on
            if not await self.cloud.login():
                return await self.async_step_login()
            self.found_device = {
                CONF_DEVICE_ID: device_id,
                CONF_TYPE: device.get(CONF_TYPE),
                CONF_PROTOCOL: device.get(CONF_PROTOCOL),
                CONF_IP_ADDRESS: device.get(CONF_IP_ADDRESS),
                CONF_PORT: device.get(CONF_PORT),
                CONF_MODEL: device.get(CONF_MODEL),
            }
            if device_info := await self.cloud.get_device_info(device_id):
                # set subtype with model_number
                self.found_device[CONF_NAME] = device_info.get("name")
                self.found_device[CONF_SUBTYPE] = device_info.get("model_number")
            # get token and key from cloud for v3 device
            if device.get(CONF_PROTOCOL) == ProtocolVersion.V3:
                if self.account[CONF_SERVER] == "美的美居":
                    _LOGGER.debug(
                        "Try to get Token and Key using preset MSmartHome account",
                    )
                    self.cloud = get_midea_cloud(
                        "MSmartHome",
                        self.session,
                        bytes.fromhex(
                            format((PRESET_ACCOUNT[0] ^ PRESET_ACCOUNT[1]), "X"),
                        ).decode("ASCII"),
                        bytes.fromhex(
                            format((PRESET_ACCOUNT[0] ^ PRESET_ACCOUNT[2]), "X"),
                        ).decode("ASCII"),
                    )
                    if self.cloud is None:
                        raise AbortFlow("Can not get midea cloud: MSmartHome")
                    if not await self.cloud.login():
                        return await self.async_step_auto(error="preset_account")
                keys = await self.cloud.get_keys(user_input[CONF_DEVICE])
                for value in keys.values():
                    dm = MideaDevice(
                        name="",
                        device_id=device_id,
                        device_type=device.get(CONF_TYPE),
                        ip_address=device.get(CONF_IP_ADDRESS),
                        port=device.get(CONF_PORT),
                        token=value["token"],
                        key=value["key"],
                        protocol=3,
                        model=device.get(CONF_MODEL),
                        subtype=0,
                        attributes={},
                    )
                    if dm.connect(refresh_status=False):
                        dm.close_socket()
                        self.found_device[CONF_TOKEN] = value["token"]
                        self.found_device[CONF_KEY] = value["key"]
                        return await self.async_step_manually()
                return await self.async_step_auto(error="connect_error")
            # v1/v2 device add without token/key
            return await self.async_step_manually()
        # show available device list in UI
        return self.async_show_form(
            step_id="auto",
            data_schema=vol.Schema(
                {
                    vol.Required(
                        CONF_DEVICE,
                        default=next(iter(self.available_device.keys())),
                    ): vol.In(self.available_device),
                },
            ),
            errors={"base": error} if error else None,
        )
