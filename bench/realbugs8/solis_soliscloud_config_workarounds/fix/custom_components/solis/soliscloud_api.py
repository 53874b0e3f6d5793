"""
Access to the Soliscloud API for PV monitoring.
Works for all Ginlong brands using the Soliscloud API

For more information: https://github.com/hultenvp/solis-sensor/
"""
from __future__ import annotations

import hashlib
#from hashlib import sha1
import hmac
import base64
import asyncio
from datetime import datetime
from datetime import timezone
from http import HTTPStatus
import json
import logging
import math
from typing import Any
from aiohttp import ClientError, ClientSession
import aiofiles
import async_timeout
import yaml

from .ginlong_base import BaseAPI, GinlongData, PortalConfig
from .ginlong_const import *
from .soliscloud_const import *

_LOGGER = logging.getLogger(__name__)

# VERSION
VERSION = '0.4.3'

# API NAME
API_NAME = 'SolisCloud'


class SoliscloudConfig(PortalConfig):
    """ Portal configuration data """

    def __init__(self,
        portal_domain: str,
        portal_username: str,
        portal_key_id: str,
        portal_secret: bytes,
        portal_plantid: str
    ) -> None:
        super().__init__(portal_domain, portal_username, portal_plantid)
        self._key_id: str = portal_key_id
        self._secret: bytes = portal_secret
        self._workarounds = {}

    async def load_workarounds(self):
        try:
            async with aiofiles.open("/config/custom_components/solis/workarounds.yaml", "r") as file:
                content = await file.read()
                self._workarounds = yaml.safe_load(content)
                _LOGGER.debug("workarounds: %s", self._workarounds)
        except FileNotFoundError:
            pass

    @property
    def key_id(self) -> str:
        """ Key ID."""
        return self._key_id

    @property
    def secret(self) -> bytes:
        """ API Key."""
        return self._secret

    @property
    def workarounds(self) -> dict[str, Any]:
        """ Return all workaround settings """
        return self._workarounds
