from collections.abc import AsyncGenerator
from typing import Protocol


class ClientProtocol(Protocol):
    def _stream_events(self, url) -> AsyncGenerator[bytes, None]:
        ...
