class SaveMixin:
    async def save(self) -> None:
        pass

    def sync_save(self) -> None:
        pass


class Model(SaveMixin):
    @classmethod
    def create(cls):
        return cls()

    async def refresh(self) -> None:
        pass
