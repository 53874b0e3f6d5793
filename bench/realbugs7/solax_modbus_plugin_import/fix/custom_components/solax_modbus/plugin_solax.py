"""A plugin module (ours: stands for the project's plugin_*.py modules)."""
plugin_instance = None
