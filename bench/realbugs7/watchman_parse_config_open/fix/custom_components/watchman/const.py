"""Constants of watchman (trimmed: the names the other modules import)."""
DOMAIN = "watchman"
DOMAIN_DATA = "watchman_data"
CONF_IGNORED_FILES = "ignored_files"
CONF_IGNORED_ITEMS = "ignored_items"
CONF_IGNORED_STATES = "ignored_states"
CONF_CHECK_LOVELACE = "check_lovelace"
CONF_STARTUP_DELAY = "startup_delay"
EVENT_AUTOMATION_RELOADED = "automation_reloaded"
EVENT_SCENE_RELOADED = "scene_reloaded"
TRACKED_EVENT_DOMAINS = ["homeassistant", "input_boolean", "automation", "script", "scene"]
MONITORED_STATES = ["unavailable", "unknown", "missing"]
BUNDLED_IGNORED_ITEMS = ["timer.cancelled", "timer.finished"]
