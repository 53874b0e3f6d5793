from mixins import Base


class Impl(Base):
    def fetch(self):
        return 2
