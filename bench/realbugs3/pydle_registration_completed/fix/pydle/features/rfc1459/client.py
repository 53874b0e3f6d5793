## rfc1459.py
# Basic RFC1459 stuff.
import copy
import datetime
import ipaddress
import itertools

from pydle.client import BasicClient, NotInChannel, AlreadyInChannel
from . import parsing, protocol


class RFC1459Support(BasicClient):
    """ Basic RFC1459 client. """
    DEFAULT_QUIT_MESSAGE = 'Quitting'

    ## Internals.

    def _reset_attributes(self):
        super()._reset_attributes()
        # Casemapping.
        self._case_mapping = protocol.DEFAULT_CASE_MAPPING

        # Registration.
        self.registered = False
        self._registration_attempts = 0
        self._attempt_nicknames = self._nicknames[:]

        # Misc.
        self.motd = None
        self.channels = parsing.NormalizingDict(self.channels, case_mapping=self._case_mapping)
        self.users = parsing.NormalizingDict(self.users, case_mapping=self._case_mapping)

    def _reset_connection_attributes(self):
        super()._reset_connection_attributes()
        self.password = None

    ## Connection.

    async def connect(self, hostname=None, port=None, password=None, **kwargs):
        port = port or protocol.DEFAULT_PORT

        # Connect...
        await super().connect(hostname, port, **kwargs)

        # Check if a password was provided and we don't already have one
        if password is not None and not self.password:
            # if so, set the password.
            self.password = password
        # And initiate the IRC connection.
        await self._register()

    async def _register(self):
        """ Perform IRC connection registration. """
        if self.registered:
            return
        self._registration_attempts += 1

        # Don't throttle during registration, most ircds don't care for flooding during registration,
        # and it might speed it up significantly.
        self.connection.throttle = False

        # Password first.
        if self.password:
            await self.rawmsg('PASS', self.password)

        # Then nickname...
        await self.set_nickname(self._attempt_nicknames.pop(0))
        # And now for the rest of the user information.
        await self.rawmsg('USER', self.username, '0', '*', self.realname)

    async def _registration_completed(self, message):
        """ We're connected and registered. Receive proper nickname and emit fake NICK message. """
        if not self.registered:
            # Re-enable throttling.
            self.registered = True
            self.connection.throttle = True

            target = message.params[0]
            fakemsg = self._create_message('NICK', target, source=self.nickname)
            await self.on_raw_nick(fakemsg)

    ## Message handling.

    def _create_message(self, command, *params, **kwargs):
        return parsing.RFC1459Message(command, params, **kwargs)

    ## IRC API.

    async def set_nickname(self, nickname):
        """
        Set nickname to given nickname.
        Users should only rely on the nickname actually being changed when receiving an on_nick_change callback.
        """
        await self.rawmsg('NICK', nickname)

    async def join(self, channel, password=None):
        """ Join channel, optionally with password. """
        if self.in_channel(channel):
            raise AlreadyInChannel(channel)

        if password:
            await self.rawmsg('JOIN', channel, password)
        else:
            await self.rawmsg('JOIN', channel)

    ## Message handlers.

    on_raw_366 = BasicClient._ignored  # End of /NAMES list.

    async def on_raw_375(self, message):
        """ Start message of the day. """
        await self._registration_completed(message)
        self.motd = message.params[1] + '\n'

    async def on_raw_372(self, message):
        """ Append message of the day. """
        self.motd += message.params[1] + '\n'

    async def on_raw_376(self, message):
        """ End of message of the day. """
        self.motd += message.params[1] + '\n'

        # MOTD is done, let's tell our bot the connection is ready.
        await self.on_connect()
