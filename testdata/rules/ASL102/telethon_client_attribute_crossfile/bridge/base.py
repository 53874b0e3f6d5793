from .tgclient import BridgeClient


class AbstractUser:
    def __init__(self) -> None:
        self.client = None  # type: BridgeClient
        self.is_bot = False

    def _init_client(self) -> None:
        # Constructing the project's subclass of the library client: quiet.
        self.client = BridgeClient("session", 1, "hash")
        self.client.add_event_handler(self._on_update)

    async def _on_update(self, update) -> None:
        pass

    async def ensure_started(self) -> "AbstractUser":
        if not self.client:
            self._init_client()
        await self.client.connect()
        return self
