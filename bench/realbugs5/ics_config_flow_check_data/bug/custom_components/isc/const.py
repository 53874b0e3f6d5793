from homeassistant.components.sensor import PLATFORM_SCHEMA, ENTITY_ID_FORMAT
from homeassistant.helpers.entity import async_generate_entity_id
import homeassistant.helpers.config_validation as cv
import voluptuous as vol
from functools import partial
import traceback
import logging
import datetime
from tzlocal import get_localzone

from collections import OrderedDict
from icalendar import Calendar
from urllib.request import urlopen, Request
import requests

_LOGGER = logging.getLogger(__name__)

# generals
DOMAIN = "ics"
PLATFORM = "sensor"
VERSION = "1.2.0"
ISSUE_URL = "https://github.com/koljawindeler/ics/issues"

# configuration
CONF_ICON = "icon"
CONF_ICS_URL = "url"
CONF_NAME = "name"
CONF_ID = "id"
CONF_TIMEFORMAT = "timeformat"
CONF_LOOKAHEAD = "lookahead"

# error
ERROR_URL = "invalid_url"
ERROR_ICS = "invalid_ics"
ERROR_TIMEFORMAT = "invalid_timeformat"
ERROR_SMALL_ID = "invalid_small_id"
ERROR_SMALL_LOOKAHEAD = "invalid_lookahead"
ERROR_ID_NOT_UNIQUE = "id_not_unique"


def get_next_id(hass):
	"""Provide the next unused id."""
	if(hass is None):
		return 1
	for i in range(1, 999):
		if(async_generate_entity_id(ENTITY_ID_FORMAT, "ics_" + str(i), hass=hass) == PLATFORM + ".ics_" + str(i)):
			return i
	return 999


# helper to validate user input
async def check_data(user_input, hass, own_id=None):
	"""Check validity of the provided date."""
	ret = {}
	if(CONF_ICS_URL in user_input):
		try:
			cal_string = await async_load_data(hass, user_input[CONF_ICS_URL])
			try:
				Calendar.from_ical(cal_string)
			except Exception:
				_LOGGER.error(traceback.format_exc())
				ret["base"] = ERROR_ICS
				return ret
		except Exception:
			_LOGGER.error(traceback.format_exc())
			ret["base"] = ERROR_URL
			return ret

	if(CONF_TIMEFORMAT in user_input):
		try:
			datetime.datetime.now(get_localzone()).strftime(user_input[CONF_TIMEFORMAT])
		except Exception:
			_LOGGER.error(traceback.format_exc())
			ret["base"] = ERROR_TIMEFORMAT
			return ret

	if(CONF_ID in user_input):
		if(user_input[CONF_ID] < 0):
			_LOGGER.error("ICS: ID below zero")
			ret["base"] = ERROR_SMALL_ID
			return ret

	if(CONF_LOOKAHEAD in user_input):
		if(user_input[CONF_LOOKAHEAD] < 1):
			_LOGGER.error("ICS: Lookahead < 1")
			ret["base"] = ERROR_SMALL_LOOKAHEAD
			return ret

	if(CONF_ID in user_input):
		if((own_id != user_input[CONF_ID]) and (hass is not None)):
			if(async_generate_entity_id(ENTITY_ID_FORMAT, "ics_" + str(user_input[CONF_ID]), hass=hass) != PLATFORM + ".ics_" + str(user_input[CONF_ID])):
				_LOGGER.error("ICS: ID not unique")
				ret["base"] = ERROR_ID_NOT_UNIQUE
				return ret
	return ret


def create_form(page, user_input, hass):
	"""Create form for UI setup."""
	data_schema = OrderedDict()
	if(page == 1):
		data_schema[vol.Required(CONF_NAME, default=user_input[CONF_NAME])] = str
		data_schema[vol.Required(CONF_ICS_URL, default=user_input[CONF_ICS_URL])] = str
		data_schema[vol.Required(CONF_ID, default=user_input[CONF_ID])] = int
	return data_schema


def _load_data(url):
	"""Load data from URL, exported to const to call it from sensor and from config_flow."""
	if(url.lower().startswith("file://")):
		req = Request(url=url, data=None, headers={'User-Agent': 'Mozilla/5.0'})
		return urlopen(req).read().decode('ISO-8859-1')
	return requests.get(url, headers={'User-Agent': 'Mozilla/5.0'}, allow_redirects=True).content

async def async_load_data(hass, url):
	"""Load data from URL, exported to const to call it from sensor and from config_flow."""
	return await hass.async_add_executor_job(_load_data, url)
