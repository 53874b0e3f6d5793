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
