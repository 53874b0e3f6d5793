"""
The gateway to interact with a Bang & Olufsen MasterLink Gateway or BeoLink Gateway.
"""
import asyncio
from datetime import datetime
import logging

import telnetlib
import socket
import threading
import time

from homeassistant.core import callback, HomeAssistant
from homeassistant.const import (
    STATE_OFF,
    STATE_PLAYING,
    EVENT_HOMEASSISTANT_STOP,
)

from .const import *

_LOGGER = logging.getLogger(__name__)


class MasterLinkGateway:
    """Masterlink gateway to interact with a MasterLink Gateway http://mlgw.bang-olufsen.dk/source/documents/mlgw_2.24b/MlgwProto0240.pdf ."""

    def __init__(
        self,
        host,
        port,
        user,
        password,
        mlgw_configurationdata,
        use_mllog,
        default_source,
        available_sources,
        hass,
        config_entry_id=None,
    ):
        """Initialize the MLGW gateway."""
        # for both connections
        self._host = host
        self._user = user
        self._password = password
        # for the ML (Telnet CLI) connection
        self._use_mllog = use_mllog
        self._connectedML = False
        self._tn = None
        # for the MLGW (Port 9000) connection
        self._port = port
        self._socket = None
        self.buffersize = 1024
        self._connectedMLGW = False
        self.stopped = threading.Event()
        self.brokensocket = threading.Event()
        self.stopped.clear()
        self.brokensocket.clear()

        # to manage the sources and devices
        self._default_source = default_source
        self._beolink_source = default_source
        self._available_sources = available_sources
        self._devices = None
        self._hass: HomeAssistant = hass
        self._config_entry_id = config_entry_id
        self._serial = None
        self._mlgw_configurationdata = mlgw_configurationdata

    @property
    def connectedMLGW(self):
        """True if the MLGW is connected."""
        return self._connectedMLGW

    @property
    def connectedML(self):
        """True if the ML CLI is connected."""
        return self._connectedML

    @property
    def devices(self):
        """Return a list of BeoSpeaker devices."""
        return self._devices

    @property
    def use_mllog(self):
        """True if we are trying to use the ML CLI function."""
        return self._use_mllog

    @property
    def beolink_source(self):
        """Returns the last known active source on the MasterLink bus, or None if there isn't one."""
        return self._beolink_source

    @property
    def default_source(self):
        """Returns the default source for the gateway (E.g., "CD"), or None if there is no default source."""
        return self._default_source

    @property
    def available_sources(self):
        """Returns a list of the available sources on the gateway (only used for manual configuration)."""
        return self._available_sources

    def set_devices(self, devices):
        """Set the list of devices configured on the gateway."""
        self._devices = devices

    async def terminate_async(self):
        """Terminate the gateway connections. Sets a flag that the listen threads look
        at to determine when to quit"""
        self.stopped.set()

    async def async_ml_connect(self):
        """Async version of the mlgw connect function"""
        loop = asyncio.get_event_loop()
        # start mlgw_connect(self) in a separate thread, suspend
        # the current coroutine, and resume when it's done
        await loop.run_in_executor(None, self.ml_connect, self)

    def ml_connect(self):
        """Connect the undocumented MasterLink stream."""
        _LOGGER.debug("Attempt to connect to ML CLI: %s", self._host)
        self._connectedML = False

        try:
            self._tn = telnetlib.Telnet(self._host)

            line = self._tn.read_until(b"login: ", 3)
            if line[-7:] != b"login: ":
                _LOGGER.debug("Unexpected login prompt: %s", line)
                raise ConnectionError
            # put some small pauses to see if we can avoid occasional login problems
            time.sleep(0.1)
            self._tn.write(self._password.encode("ascii") + b"\n")
            time.sleep(0.1)

            # Try to read until we hit the command prompt.
            # BLGW has a "BLGW >" prompt. MLGW has a "MLGW >" prompt
            attempts = 0
            max_attempts = 3
            while attempts < max_attempts:
                line = self._tn.read_until(
                    b"LGW >", 2
                )  # the third line should be the prompt
                attempts = attempts + 1
                if line[-5:] == b"LGW >":
                    break
                time.sleep(0.5)

            if line[-5:] != b"LGW >":
                _LOGGER.debug("Unexpected CLI prompt: %s", line)
                raise ConnectionError

            # Enter the undocumented Masterlink Logging function
            self._tn.write(b"_MLLOG ONLINE\r\n")

            self._connectedML = True
            _LOGGER.debug("Connected to ML CLI: %s", self._host)

            return True

        except EOFError as exc:
            _LOGGER.warning("Error opening ML CLI connection to: %s", exc)
            raise

        except ConnectionError as exc:
            _LOGGER.warning("Failed to connect to ML CLI: %s", exc)
            raise

    def ml_close(self):
        """Close the connection to the MasterLink stream."""
        if self._connectedML:
            self._connectedML = False
            try:
                self._tn.close()
                self._tn = None
            except OSError:
                _LOGGER.error("Error closing ML CLI")
            _LOGGER.debug("Closed connection to ML CLI")
