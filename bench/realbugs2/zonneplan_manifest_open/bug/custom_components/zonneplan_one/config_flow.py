"""Config flow for Zonneplan ONE."""
import logging

from typing import Any, Dict, Mapping, Optional

import voluptuous as vol

from homeassistant import config_entries
from homeassistant.helpers import aiohttp_client, config_entry_oauth2_flow

from homeassistant.const import CONF_EMAIL

from .const import DOMAIN
from .api import AsyncConfigEntryAuth, ZonneplanApi, ZonneplanOAuth2Implementation

_LOGGER = logging.getLogger(__name__)


class ZonneplanLoginFlowHandler(
    config_entry_oauth2_flow.AbstractOAuth2FlowHandler, domain=DOMAIN
):
    """Config flow to handle Zonneplan authentication."""

    DOMAIN = DOMAIN
    CONNECTION_CLASS = config_entries.CONN_CLASS_CLOUD_POLL

    def __init__(self):
        self._email = ""
        self._token = ""
        super().__init__()
        self.flow_impl: ZonneplanOAuth2Implementation = None  # type: ignore

    @property
    def logger(self) -> logging.Logger:
        """Return logger."""
        return logging.getLogger(__name__)

    async def async_step_reauth(self, user_input=None):
        """Perform reauth upon an API authentication error."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input=None):
        """Dialog that informs the user that reauth is required."""
        if user_input is None:
            return self.async_show_form(step_id="reauth_confirm", data_schema=vol.Schema({}), last_step=False)
        return await self.async_step_user()

    async def async_step_user(self, user_input=None):
        """Handle a flow start."""
        await self.async_set_unique_id(DOMAIN)

        self.async_register_implementation(
            self.hass,
            ZonneplanOAuth2Implementation(
                AsyncConfigEntryAuth(aiohttp_client.async_get_clientsession(self.hass))
            ),
        )

        return await super().async_step_user(user_input)
