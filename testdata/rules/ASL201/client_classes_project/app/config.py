import json


class Settings:
    def __init__(self, data):
        self.data = data

    @classmethod
    def from_file(cls, path):
        with open(path) as f:
            return cls(json.load(f))


def read_lines(path):
    with open(path) as f:
        for line in f:
            yield line.strip()
