# What `async with` binds entering another module's context manager: the
# session its generator yields.
from app.services import db
from app.services.db import Unit, db_service, session_scope


async def create_recruiter(recruiter):
    async with db_service.get_session() as session:
        session.add(recruiter)
        await session.commit()
        session.refresh(recruiter)  # want: ASL102
        return recruiter


async def rename(recruiter, name):
    async with session_scope() as session:
        recruiter.name = name
        session.commit()  # want: ASL102


async def through_module(recruiter):
    async with db.db_service.get_session() as session:
        session.delete(recruiter)  # want: ASL102


# Quiet: awaited; a project class entered is its own instance; a plain
# `with` binds what its generator yields, a dict.
async def create_awaited(recruiter):
    async with db_service.get_session() as session:
        session.add(recruiter)
        await session.commit()
        await session.refresh(recruiter)
        return recruiter


async def with_unit(recruiter):
    async with Unit() as unit:
        unit.refresh(recruiter)


def read_settings():
    with db_service.settings() as settings:
        return settings.get("echo")
