import importlib


class Loader:
    @staticmethod
    def load(name):
        return importlib.import_module(f"pickup_quiet.sources.{name}")
