import importlib


class Client:
    def fetch(self):
        return importlib.import_module("pickup_sub.sources")
