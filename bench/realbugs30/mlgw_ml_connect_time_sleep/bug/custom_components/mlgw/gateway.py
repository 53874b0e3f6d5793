"""The gateway to interact with a Bang & Olufsen MasterLink Gateway or BeoLink Gateway. """
import asyncio
from datetime import datetime
import logging

import telnetlib
import socket
import threading
import time

from homeassistant.core import HassJob, callback, HomeAssistant
from homeassistant.const import (
    STATE_OFF,
    STATE_PLAYING,
    EVENT_HOMEASSISTANT_STOP,
    STATE_PAUSED,
)

from .const import (
    DOMAIN,
    beo4_commanddict,
    ml_selectedsourcedict,
    reverse_ml_selectedsourcedict,
    ml_telegram_type_dict,
    ml_destselectordict,
    ml_pictureformatdict,
    ml_state_dict,
    ml_command_type_dict,
    mlgw_payloadtypedict,
    mlgw_virtualactiondict,
    mlgw_sourceactivitydict,
    mlgw_soundstatusdict,
    mlgw_speakermodedict,
    reverse_mlgw_speakermodedict,
    mlgw_screenmutedict,
    mlgw_screenactivedict,
    mlgw_cinemamodedict,
    mlgw_stereoindicatordict,
    mlgw_lctypedict,
    mlgw_loginstatusdict,
    BEO4_CMDS,
    MLGW_PL,
    MLGW_EVENT_ML_TELEGRAM,
    MLGW_EVENT_MLGW_TELEGRAM,
)

_LOGGER = logging.getLogger(__name__)


class MasterLinkGateway:
    """Masterlink gateway to interact with a MasterLink Gateway http://mlgw.bang-olufsen.dk/source/documents/mlgw_2.24b/MlgwProto0240.pdf ."""

    def __init__(
        self, host, port, user, password, default_source, available_sources, hass
    ):
        """Initialize the MLGW gateway."""
        # for both connections
        self._host = host
        self._user = user
        self._password = password
        # for the ML (Telnet CLI) connection
        self._connectedML = False
        self._tn = None
        # for the MLGW (Port 9000) connection
        self._port = port
        self._socket = None
        self.buffersize = 1024
        self._connectedMLGW = False
        self.stopped = threading.Event()
        # to manage the sources and devices
        self._default_source = default_source
        self._beolink_source = default_source
        self._available_sources = available_sources
        self._devices = None
        self._hass: HomeAssistant = hass
        self._serial = None

    @property
    def connectedMLGW(self):
        return self._connectedMLGW

    # return the latest known active source, or None if there was no known active source.
    @property
    def beolink_source(self):
        return self._beolink_source

    # return the default source, or None if there is no default source
    @property
    def default_source(self):
        return self._default_source

    @property
    def available_sources(self):
        return self._available_sources

    async def terminate_async(self):
        self.stopped.set()

    async def ml_connect(self):
        _LOGGER.info("Trying to connect to ML CLI: %s" % (self._host))
        self._connectedML = False

        try:
            self._tn = telnetlib.Telnet(self._host)

            line = self._tn.read_until(b"login: ", 3)
            if line[-7:] != b"login: ":
                _LOGGER.debug("Unexpected login prompt: %s" % (line))
                raise ConnectionError
            # put some small pauses to see if we can avoid occasional login problems
            await asyncio.sleep(0.1)
            self._tn.write(self._password.encode("ascii") + b"\n")
            await asyncio.sleep(0.1)

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
                _LOGGER.debug("Unexpected CLI prompt: %s" % (line))
                raise ConnectionError

            # Enter the undocumented Masterlink Logging function
            self._tn.write(b"_MLLOG ONLINE\r\n")
            #            self._hass.async_create_task(self._ml_thread())
            threading.Thread(target=self._ml_thread).start()

            self._connectedML = True
            _LOGGER.info("Connected to ML CLI: %s" % (self._host))

            return True

        except EOFError as exc:
            _LOGGER.error("Error opening ML CLI connection to: %s", exc)
            return False

        except ConnectionError:
            _LOGGER.error("Failed to connect, continuing without ML CLI")
            return False

    ## Open tcp connection to mlgw
    def mlgw_connect(self):
        _LOGGER.info("Trying to connect to MLGW")
        self._connectedMLGW = False

        # open socket to masterlink gateway
        self._socket: socket.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._recvtimeout = 5  # timeout recv every 5 seconds
        self._lastping = 0  # last ping will say how many seconds ago was the last ping.
        self._socket.settimeout(self._recvtimeout)
        try:
            self._socket.connect((self._host, self._port))
        except Exception as e:
            self._socket = None
            _LOGGER.error("Error opening MLGW connection to %s: %s" % (self._host, e))
            return

        #        self._hass.async_create_task(self._mlgw_listen_thread())
        threading.Thread(target=self._mlgw_listen_thread).start()

        self._connectedMLGW = True
        self.mlgw_ping()  # force a ping so that the MLGW will request authentication
        _LOGGER.info(
            "Opened connection to ML Gateway to %s port: %s"
            % (self._host, str(self._port))
        )

    def ml_close(self):
        if self._connectedML:
            self._connectedML = False
            #            self.stopped.set()
            try:
                print(self._tn.eof)
                print(self._tn)
                self._tn.close()
            except:
                _LOGGER.error("Error closing ML CLI")
            _LOGGER.warning("Closed connection to ML CLI")
