from . import user as u


async def handle_presence(user_id: str, presence: str) -> None:
    # `ensure_started` is a plain method annotated `-> "Awaitable[User]"`:
    # awaiting it gives a User, whose set_presence returns the client's
    # coroutine (or nothing for a bot); the statement drops it.
    user = await u.User.get(user_id).ensure_started()
    user.set_presence(presence == "online")  # want: ASL102 "coroutine `user.set_presence\(\)` is never awaited: its result is discarded"


async def raw_request(user: "u.User") -> None:
    # Calling the client another module's class stores in `self.client`.
    user.client(object())  # want: ASL102 "coroutine `user.client\(\)` is never awaited: its result is discarded"


async def awaited(user_id: str) -> None:
    user = await u.User.get(user_id).ensure_started()
    await user.set_presence(True)
    await user.client(object())
    user.set_typing(True)


def from_sync_code(user: "u.User") -> None:
    # In sync code a helper counts as a coroutine factory only when every
    # path returns one: set_presence returns None for a bot.
    user.set_presence(False)


async def save_session(session) -> None:
    from .db import database_sync_to_async

    await database_sync_to_async(session.save)()
