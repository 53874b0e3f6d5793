from mixins import Base


class Impl(Base):
    async def load(self):
        return 3
