"""API for Zonneplan bound to Home Assistant OAuth."""
from typing import Any
from aiohttp import ClientSession

import logging

from homeassistant.helpers import config_entry_oauth2_flow
from .zonneplan_api.api import ZonneplanApi

from .const import DOMAIN

_LOGGER = logging.getLogger(__name__)


class AsyncConfigEntryAuth(ZonneplanApi):
    def __init__(
        self,
        websession: ClientSession,
        oauth_session: config_entry_oauth2_flow.OAuth2Session = None,
    ):
        """Initialize Zonneplan auth."""
        super().__init__(websession)
        self._oauth_session = oauth_session

    async def async_get_access_token(self) -> str:
        """Return a valid access token."""
        if not self._oauth_session.valid_token:
            await self._oauth_session.async_ensure_token_valid()

        return self._oauth_session.token["access_token"]


class ZonneplanOAuth2Implementation(
    config_entry_oauth2_flow.AbstractOAuth2Implementation
):
    def __init__(self, api: ZonneplanApi) -> None:
        self._api = api

    @property
    def name(self) -> str:
        """Name of the implementation."""
        return "Zonneplan"

    @property
    def domain(self) -> str:
        """Domain that is providing the implementation."""
        return DOMAIN

    async def async_request_temp_pass(self, email: str) -> str:
        return await self._api.async_request_temp_pass(email)

    async def _async_refresh_token(self, token: dict) -> dict:
        """Refresh a token."""
        return await self._api.async_refresh_token(token)
