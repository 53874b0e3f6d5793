"""Code to set up all communications with Crownstones."""
from __future__ import annotations

import asyncio
from functools import partial
import logging
from typing import Any, cast

from crownstone_cloud import CrownstoneCloud
from crownstone_cloud.exceptions import (
    CrownstoneAuthenticationError,
    CrownstoneUnknownError,
)
from crownstone_sse import CrownstoneSSEAsync
from crownstone_uart import CrownstoneUart, UartEventBus

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import (
    CONF_EMAIL,
    CONF_PASSWORD,
    CONF_UNIQUE_ID,
    EVENT_HOMEASSISTANT_STOP,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import aiohttp_client

from .const import CONF_USB_PATH, CONF_USE_CROWNSTONE_USB, DOMAIN, PLATFORMS, SSE, UART
from .helpers import get_port
from .listeners import create_data_listeners

_LOGGER = logging.getLogger(__name__)


class CrownstoneEntryManager:
    """Manage a Crownstone config entry."""

    def __init__(self, hass: HomeAssistant, config_entry: ConfigEntry) -> None:
        """Initialize the hub."""
        self.hass = hass
        self.config_entry = config_entry
        self.uart = cast(CrownstoneUart, None)
        self.cloud = cast(CrownstoneCloud, None)
        self.sse = cast(CrownstoneSSEAsync, None)
        self.listeners: dict[str, Any] = {}
        self.sse_task: asyncio.Task[None] | None = None

    async def async_setup(self) -> bool:
        """
        Set up a Crownstone config entry.

        This class is a combination of Crownstone cloud, Crownstone SSE and Crownstone uart.
        Returns True if the setup was successful.
        """
        # Setup email and password gained from config flow
        customer_email = self.config_entry.data[CONF_EMAIL]
        customer_password = self.config_entry.data[CONF_PASSWORD]

        # Create cloud instance
        self.cloud = CrownstoneCloud(
            email=customer_email,
            password=customer_password,
            clientsession=aiohttp_client.async_get_clientsession(self.hass),
        )
        # Login
        try:
            await self.cloud.async_initialize()
        except CrownstoneAuthenticationError as auth_err:
            _LOGGER.error(
                "Auth error during login with type: %s and message: %s",
                auth_err.type,
                auth_err.message,
            )
            return False
        except CrownstoneUnknownError as unknown_err:
            _LOGGER.error("Unknown error during login")
            raise ConfigEntryNotReady from unknown_err

        # Create SSE instance
        # a new clientsession is created because the default one does not cleanup on unload
        self.sse = CrownstoneSSEAsync(
            email=customer_email,
            password=customer_password,
            access_token=self.cloud.access_token,
            websession=aiohttp_client.async_create_clientsession(self.hass),
        )
        # Listen for events in the background, keeping a reference to the task
        self.sse_task = asyncio.create_task(self.process_events(self.sse))

        # Create listeners for SSE and UART
        create_data_listeners(self.hass, self)

        # create listener for when home assistant is stopped
        self.hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, self.on_close)

        # register all entities
        self.hass.config_entries.async_setup_platforms(self.config_entry, PLATFORMS)

        return True

    async def process_events(self, sse_client: CrownstoneSSEAsync) -> None:
        """Asynchronous iteration of Crownstone SSE events."""
        async with sse_client as client:
            async for event in client:
                if event is not None:
                    # make SSE updates, like ability change, available to the user
                    self.hass.bus.async_fire(f"{DOMAIN}_{event.type}", event.data)

    async def async_unload(self) -> bool:
        """Unload the current config entry."""
        # stop services
        if self.uart is not None:
            self.uart.stop()
        if self.sse is not None:
            self.sse.close_client()

        # authentication failed
        if self.cloud.cloud_data is None:
            return True

        # Unsubscribe from listeners
        for sse_unsub in self.listeners[SSE]:
            sse_unsub()
        for subscription_id in self.listeners[UART]:
            UartEventBus.unsubscribe(subscription_id)

        # unload all platform entities
        unload_ok = await self.hass.config_entries.async_unload_platforms(
            self.config_entry, PLATFORMS
        )

        return unload_ok

    @callback
    def on_close(self, event: Event) -> None:
        """Close SSE client and uart bridge."""
        _LOGGER.debug(event.data)
        if self.sse is not None:
            self.sse.close_client()
        if self.uart is not None:
            self.uart.stop()
