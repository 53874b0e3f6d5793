import csv
from pathlib import Path


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def ensure_dir(path):
    Path(path).mkdir(parents=True, exist_ok=True)
