import importlib


class SourceShell:
    def __init__(self, source):
        self.source = source

    @staticmethod
    def create(name, args):
        module = importlib.import_module(f"waste_pickup.source.{name}")
        return SourceShell(module.Source(**args))
