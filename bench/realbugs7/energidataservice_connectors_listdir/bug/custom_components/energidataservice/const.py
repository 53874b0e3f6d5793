"""Constants (ours: the two names connectors/__init__.py imports)."""
CURRENCY_LIST = {}
REGIONS = {}
