from pathlib import Path

ROOT = Path("/var/lib/shop")


def read_blob(key: str) -> bytes:
    return (ROOT / key).read_bytes()


def blob_name(key: str) -> str:
    return key.replace("/", "_")


class BlobStore:
    def __init__(self, root: Path = ROOT) -> None:
        self.root = root

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def _path(self, key: str) -> Path:
        return self.root / blob_name(key)

    def url(self, key: str) -> str:
        return "/blobs/" + blob_name(key)
