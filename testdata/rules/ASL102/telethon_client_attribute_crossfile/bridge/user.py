from typing import Awaitable, Optional

from .base import AbstractUser


class User(AbstractUser):
    by_id = {}

    def ensure_started(self) -> "Awaitable[User]":
        return super().ensure_started()

    def set_presence(self, online: bool = True):
        # A plain method that returns the coroutine of the client's call, or
        # nothing for a bot.
        if self.is_bot:
            return
        return self.client(object())

    def set_typing(self, typing: bool):
        # Returns nothing on every path: no coroutine factory.
        if typing:
            return
        return None

    @classmethod
    def get(cls, user_id: str) -> "Optional[User]":
        return cls.by_id.get(user_id)
