"""HelperClasses Xplora® Watch Version 2."""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
from typing import Any

from geopy import distance
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import ATTR_LATITUDE, ATTR_LONGITUDE, CONF_LANGUAGE
from homeassistant.core import HomeAssistant
from homeassistant.loader import DATA_CUSTOM_COMPONENTS
from homeassistant.util.yaml import save_yaml
from homeassistant.util.yaml.loader import load_yaml
from pydub import AudioSegment

from .const import (
    ATTR_SERVICE_DELETE_MSG,
    ATTR_SERVICE_READ_MSG,
    ATTR_SERVICE_SEE,
    ATTR_SERVICE_SEND_MSG,
    ATTR_SERVICE_SHUTDOWN,
    DEFAULT_LANGUAGE,
    DOMAIN,
    HOME,
)
from .coordinator import XploraDataUpdateCoordinator

_LOGGER = logging.getLogger(__name__)


async def create_www_directory(hass: HomeAssistant):
    """Create www directory."""
    paths = [
        hass.config.path("www"),  # http://homeassistant.local:8123/local
        hass.config.path("www/image"),  # http://homeassistant.local:8123/local/image/<filename>.jpeg
        hass.config.path("www/voice"),  # http://homeassistant.local:8123/local/voice/<filename>.mp3
        hass.config.path(f"www/{DOMAIN}"),  # http://homeassistant.local:8123/local/xplora_watch/*
    ]

    def mkdir() -> None:
        """Create a directory."""
        for path in paths:
            if not os.path.exists(path):
                _LOGGER.debug("Creating directory: %s", path)
                os.makedirs(path, exist_ok=True)

    await hass.async_add_executor_job(mkdir)


async def create_service_yaml_file(hass: HomeAssistant, entry: ConfigEntry, watches: list[str]) -> None:
    """Create a service.yaml file."""

    path = hass.config.path(f"{DATA_CUSTOM_COMPONENTS}/{DOMAIN}/services.yaml")
    _LOGGER.debug("set services.yaml path: %s", path)

    language = entry.options.get(CONF_LANGUAGE, entry.data.get(CONF_LANGUAGE, DEFAULT_LANGUAGE))
    path_json = hass.config.path(f"{DATA_CUSTOM_COMPONENTS}/{DOMAIN}/jsons/service_{language}.json")
    _LOGGER.debug("services_%s.json path: %s", language, path_json)
    try:
        with open(path_json, encoding="utf8") as json_file:
            configuration: dict[str, str] = json.load(json_file)

        yaml_service = load_yaml(path)
        if (
            isinstance(yaml_service, dict)
            and yaml_service.get("see", {})
            and yaml_service.get("see", {}).get("fields", None)
            and yaml_service.get("see", {}).get("fields", {}).get("user", None)
        ):
            configuration = yaml_service

        def set_watches(configurations: Any, names: list[str], watches: list[str]) -> dict[str, str]:
            """Set the watches for the configuration."""
            for name in names:
                option_watches: list[str] = configurations[name]["fields"]["target"]["selector"]["select"]["options"]
                configurations[name]["fields"]["target"]["selector"]["select"]["options"] = sorted(
                    set(option_watches + watches), reverse=True
                )
                user: list[str] = configurations[name]["fields"]["user"]["selector"]["select"]["options"]
                coordinator: XploraDataUpdateCoordinator = hass.data[DOMAIN][entry.entry_id]
                username = coordinator.controller.getUserName()

                name_list = user
                search_name = username

                user = [name for name in name_list if search_name not in name]

                user.append(f"{entry.entry_id} ({username})")
                configurations[name]["fields"]["user"]["selector"]["select"]["options"] = sorted(set(user))
            return configurations

        configuration = set_watches(
            configuration,
            [ATTR_SERVICE_SEND_MSG, ATTR_SERVICE_SEE, ATTR_SERVICE_READ_MSG, ATTR_SERVICE_SHUTDOWN, ATTR_SERVICE_DELETE_MSG],
            watches,
        )

        save_yaml(path, configuration)

    except OSError:
        _LOGGER.exception("Error writing service definition to path '%s'", path)
    except KeyError as error:
        _LOGGER.exception("Key '%s' from service.yaml not found", error)
