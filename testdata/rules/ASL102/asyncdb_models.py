# asyncdb's Model: get, all, filter, select (classmethods) and save, update,
# delete, insert, fetch (instance methods) are coroutines. Without await the
# row is a coroutine object (ai-parrot's scheduler set attributes on it).
from asyncdb.models import Field, Model


class AgentSchedule(Model):
    schedule_id: str = Field(primary_key=True)
    run_count: int = Field(default=0)

    class Meta:
        driver = "pg"
        name = "agents_scheduler"


async def update_run(conn, schedule_id):
    AgentSchedule.Meta.connection = conn
    schedule = AgentSchedule.get(schedule_id=schedule_id)  # want: ASL102
    schedule.run_count += 1
    await schedule.update()


async def add(schedule_id):
    schedule = AgentSchedule(schedule_id=schedule_id)
    schedule.save()  # want: ASL102


async def listing():
    rows = AgentSchedule.all()  # want: ASL102
    return [dict(r) for r in rows]


# Quiet: awaited, a model of the project that is not asyncdb's, and other
# libraries' `get`.
class LocalModel:
    @classmethod
    def get(cls, **kwargs):
        return cls()

    def save(self):
        return True


async def fine(conn, schedule_id, cache: dict):
    AgentSchedule.Meta.connection = conn
    schedule = await AgentSchedule.get(schedule_id=schedule_id)
    schedule.run_count += 1
    await schedule.update()
    rows = await AgentSchedule.filter(enabled=True)
    local = LocalModel.get(id=1)
    local.save()
    return rows, cache.get(schedule_id)
