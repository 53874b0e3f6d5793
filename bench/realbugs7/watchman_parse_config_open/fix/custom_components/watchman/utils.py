"""Miscellaneous support functions for watchman"""
import glob
import re
import fnmatch
import time
import logging
from datetime import datetime
from textwrap import wrap
import os
from typing import Any
import pytz
import anyio
from prettytable import PrettyTable
from homeassistant.exceptions import HomeAssistantError
from homeassistant.core import HomeAssistant

from .const import (
    DOMAIN,
    DOMAIN_DATA,
    CONF_IGNORED_ITEMS,
    CONF_IGNORED_STATES,
    BUNDLED_IGNORED_ITEMS,
)

_LOGGER = logging.getLogger(__name__)


async def read_file(hass: HomeAssistant, path: str) -> Any:
    """Read a file."""

    def read():
        with open(hass.config.path(path), "r", encoding="utf-8") as open_file:
            return open_file.read()

    return await hass.async_add_executor_job(read)


def get_config(hass: HomeAssistant, key, default):
    """get configuration value"""
    if DOMAIN_DATA not in hass.data:
        return default
    return hass.data[DOMAIN_DATA].get(key, default)


def get_next_file(folder_list, ignored_files):
    """Returns next file for scan"""
    if not ignored_files:
        ignored_files = ""
    else:
        ignored_files = "|".join([f"({fnmatch.translate(f)})" for f in ignored_files])
    ignored_files_re = re.compile(ignored_files)
    for folder in folder_list:
        for filename in glob.iglob(folder, recursive=True):
            yield (filename, (ignored_files and ignored_files_re.match(filename)))


def add_entry(_list, entry, yaml_file, lineno):
    """Add entry to list of missing entities/services with line number information"""
    _LOGGER.debug("Added %s to the list", entry)
    if entry in _list:
        if yaml_file in _list[entry]:
            _list[entry].get(yaml_file, []).append(lineno)
    else:
        _list[entry] = {yaml_file: [lineno]}


async def parse(hass, folders, ignored_files, root=None):
    """Parse a yaml or json file for entities/services"""
    files_parsed = 0
    entity_pattern = re.compile(
        r"(?:(?<=\s)|(?<=^)|(?<=\")|(?<=\'))([A-Za-z_0-9]*\s*:)?(?:\s*)?(?:states.)?"
        r"((air_quality|alarm_control_panel|alert|automation|binary_sensor|button|calendar|camera|"
        r"climate|counter|device_tracker|fan|group|humidifier|input_boolean|input_datetime|"
        r"input_number|input_select|light|lock|media_player|number|person|plant|proximity|remote|"
        r"scene|script|select|sensor|sun|switch|timer|vacuum|weather|zone)\.[A-Za-z_*0-9]+)"
    )
    service_pattern = re.compile(r"service:\s*([A-Za-z_0-9]*\.[A-Za-z_0-9]+)")
    comment_pattern = re.compile(r"#.*")
    entity_list = {}
    service_list = {}
    effectively_ignored = []
    _LOGGER.debug("::parse started")
    for yaml_file, ignored in get_next_file(folders, ignored_files):
        short_path = os.path.relpath(yaml_file, root)
        if ignored:
            effectively_ignored.append(short_path)
            _LOGGER.debug("%s ignored", yaml_file)
            continue

        try:
            lineno = 1
            async with await anyio.open_file(
                yaml_file, mode="r", encoding="utf-8"
            ) as f:
                async for line in f:
                    line = re.sub(comment_pattern, "", line)
                    for match in re.finditer(entity_pattern, line):
                        typ, val = match.group(1), match.group(2)
                        if (
                            typ != "service:"
                            and "*" not in val
                            and not val.endswith(".yaml")
                        ):
                            add_entry(entity_list, val, short_path, lineno)
                    for match in re.finditer(service_pattern, line):
                        val = match.group(1)
                        add_entry(service_list, val, short_path, lineno)
                    lineno += 1
            files_parsed += 1
            _LOGGER.debug("%s parsed", yaml_file)
        except OSError as exception:
            _LOGGER.error("Unable to parse %s: %s", yaml_file, exception)

    # remove ignored entities and services from resulting lists
    ignored_items = get_config(hass, CONF_IGNORED_ITEMS, [])
    ignored_items = list(set(ignored_items + BUNDLED_IGNORED_ITEMS))
    excluded_entities = []
    excluded_services = []
    for itm in ignored_items:
        if itm:
            excluded_entities.extend(fnmatch.filter(entity_list, itm))
            excluded_services.extend(fnmatch.filter(service_list, itm))

    entity_list = {k: v for k, v in entity_list.items() if k not in excluded_entities}
    service_list = {k: v for k, v in service_list.items() if k not in excluded_services}

    _LOGGER.debug("Parsed files: %s", files_parsed)
    _LOGGER.debug("Ignored files: %s", effectively_ignored)
    _LOGGER.debug("Found entities: %s", len(entity_list))
    _LOGGER.debug("Found services: %s", len(service_list))
    return (entity_list, service_list, files_parsed, len(effectively_ignored))
