class BridgeClient:
    async def async_refresh(self) -> None:
        pass

    def describe(self) -> str:
        return "bridge"
