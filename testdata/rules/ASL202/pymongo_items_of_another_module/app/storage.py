from pymongo import MongoClient


class MongoDatabase:
    def __init__(self, uri):
        self.client = MongoClient(uri)
        self.database = self.client["crawler"]
        self.caches = {"recent": {}}
