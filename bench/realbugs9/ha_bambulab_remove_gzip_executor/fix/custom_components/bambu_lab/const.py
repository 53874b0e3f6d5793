"""Constants (ours: the two names frontend/__init__.py imports)."""

URL_BASE = "/bambu_lab"
BAMBU_LAB_CARDS = [
    {"name": "Bambu Lab Cards", "filename": "ha-bambulab-cards.js", "version": "1"},
]
