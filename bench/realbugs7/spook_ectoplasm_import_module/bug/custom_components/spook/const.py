"""Constants (ours: the name sensor.py imports)."""
import logging

LOGGER = logging.getLogger(__package__)
