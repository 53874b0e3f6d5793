from aiojobs import Scheduler
from inhouse import tasks


async def notify(user: str) -> None:
    pass


async def on_join(user: str, scheduler: Scheduler) -> None:
    scheduler.spawn_task(notify(user))  # want: ASYNC300
    tasks.start_background(notify(user))  # want: ASYNC300
    # Quiet: kept, or not configured.
    job = scheduler.spawn_task(notify(user))
    await scheduler.spawn(notify(user))


def spawn_later(coro, scheduler: Scheduler):
    # A project wrapper of a configured factory is a factory too.
    return scheduler.spawn_task(coro)


def in_house(coro):
    return tasks.start_background(coro)


async def on_leave(user: str, scheduler: Scheduler) -> None:
    spawn_later(notify(user), scheduler)  # want: ASYNC300
    in_house(notify(user))  # want: ASYNC300
    # Quiet: the wrapper's task is kept.
    kept = spawn_later(notify(user), scheduler)
    return kept
