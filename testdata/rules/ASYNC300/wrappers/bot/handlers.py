from .tasks import maybe_spawn, spawn, spawn_kept, spawn_named


async def notify(user: str) -> None:
    pass


class Handlers:
    async def on_join(self, user: str) -> None:
        spawn(notify(user))  # want: ASYNC300
        spawn_named(notify(user), "join")  # want: ASYNC300

    async def on_leave(self, user: str) -> None:
        # Quiet: kept, kept by the wrapper, or not known to be a task.
        self.task = spawn(notify(user))
        spawn_kept(notify(user))
        maybe_spawn(notify(user), True)
