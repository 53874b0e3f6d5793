import importlib


class SourceShell:
    @staticmethod
    def create(name):
        return importlib.import_module(f"waste_pickup.source.{name}")
