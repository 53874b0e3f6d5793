"""Support for interface with a ArrisDCX960 Settopbox."""

# pylint: disable=no-name-in-module
import asyncio
import logging
import random
import datetime as dt
import time
import voluptuous as vol
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.helpers import config_validation as cv, entity_platform
from homeassistant.components.media_player import (
    MediaPlayerEntity,
    BrowseMedia,
    MediaPlayerEntityFeature,
    MediaType,
    MediaClass,
    MediaPlayerState,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from lghorizon import (
    LGHorizonBox,
    ONLINE_RUNNING,
    ONLINE_STANDBY,
    LGHorizonApi,
    LGHorizonRecordingShow,
    LGHorizonRecordingSingle,
    LGHorizonRecordingListSeasonShow,
    LGHorizonRecordingEpisode,
)

from .const import (
    API,
    CONF_REFRESH_TOKEN,
    DOMAIN,
    RECORD,
    REWIND,
    FAST_FORWARD,
    CONF_REMOTE_KEY,
    CONF_CHANNEL_SORT,
    CONF_EXCLUDED_CHANNELS,
    REMOTE_KEY_PRESS,
)


_LOGGER = logging.getLogger(__name__)


async def async_setup_entry(
    hass: HomeAssistant, entry: ConfigEntry, async_add_entities: AddEntitiesCallback
) -> None:
    """Setup platform"""
    players = []
    api = hass.data[DOMAIN][entry.entry_id][API]
    for box in api.settop_boxes.values():
        players.append(LGHorizonMediaPlayer(box, api, hass, entry))
    async_add_entities(players, True)


class LGHorizonMediaPlayer(MediaPlayerEntity):
    """The home assistant media player."""

    @property
    def unique_id(self):
        """Return the unique id."""
        return self.box_id

    def __init__(
        self,
        box: LGHorizonBox,
        api: LGHorizonApi,
        hass: HomeAssistant,
        entry: ConfigEntry,
    ):
        """Init the media player."""
        self._box = box
        self.api = api
        self.hass = hass
        self.entry = entry
        self.box_id = box.device_id
        self.box_name = box.device_friendly_name

    async def async_added_to_hass(self):
        """Use lifecycle hooks."""

        def state_callback(box_id):
            self.schedule_update_ha_state(True)

        def refresh_callback():
            self.hass.add_job(self._save_refresh_token)

        self._box.set_callback(state_callback)
        self.api.set_callback(refresh_callback)

    @callback
    def _save_refresh_token(self):
        """Save the refresh token."""
        if CONF_REFRESH_TOKEN in self.entry.data:
            _LOGGER.info("New JWT stored (2): %s", self.api.refresh_token)
            new_data = {**self.entry.data}
            new_data[CONF_REFRESH_TOKEN] = self.api.refresh_token
            self.hass.config_entries.async_update_entry(self.entry, data=new_data)

    async def async_update(self):
        """Update the box."""
        pass

    async def async_turn_on(self):
        """Turn the media player on."""
        self._box.turn_on()

    async def async_turn_off(self):
        """Turn the media player off."""
        self._box.turn_off()

    async def async_select_source(self, source):
        """Select a new source."""
        self._box.set_channel(source)

    async def async_media_play(self):
        """Play selected box."""
        self._box.play()

    async def async_media_pause(self):
        """Pause the given box."""
        self._box.pause()

    async def async_media_stop(self):
        """Stop the given box."""
        self._box.stop()

    async def async_media_next_track(self):
        """Send next track command."""
        self._box.next_channel()

    async def async_media_previous_track(self):
        """Send previous track command."""
        self._box.previous_channel()

    async def async_play_media(self, media_type, media_id, **kwargs):
        """Support changing a channel."""
        if media_type == MediaType.EPISODE:
            self._box.play_recording(media_id)
            pass
        elif media_type == MediaType.APP:
            self._box.set_channel(media_id)
        elif media_type == MediaType.CHANNEL:
            # media_id should only be a channel number
            try:
                cv.positive_int(media_id)
            except vol.Invalid:
                _LOGGER.error("Media ID must be positive integer")
                return
            if self._box.playing_info.source_type == "app":
                self._box.send_key_to_box("TV")
                await asyncio.sleep(1)

            for digit in media_id:
                self._box.send_key_to_box(f"{digit}")
        else:
            _LOGGER.error("Unsupported media type")

    async def async_browse_media(self, media_content_type=None, media_content_id=None):
        _LOGGER.debug("%s - %s", media_content_type, media_content_id)
        if media_content_type in [None, "main"]:
            recordings = await self.hass.async_add_executor_job(self.api.get_recordings)
            return recordings
        return None
