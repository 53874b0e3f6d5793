# A coroutine tested as a result that may be missing (`if not club`,
# `is None`) and then only handed to a callable nothing is known of (a class
# of a module outside the project) is still never awaited: the test shows
# the code expects the result.
from sqlmodel.ext.asyncio.session import AsyncSession

from models.club import Club, ClubUser
from services import notify


async def invite(club_id: int, session: AsyncSession):
    club = session.get(Club, club_id)  # want: ASL102 "used as a condition \(a coroutine object is always true\), and never awaited \(only passed to `ClubUser\(\)`\)"
    if not club:
        raise LookupError("club not found")
    link = ClubUser(club=club)
    session.add(link)
    await session.commit()
    return link


async def announce(club_id: int, session: AsyncSession):
    club = session.get(Club, club_id)  # want: ASL102 "compared with `None`"
    if club is None:
        return None
    notify.send(club)
    return True


# Quiet: awaited after the test, handed on without a test, or run by a
# scheduler.
async def invite_awaited(club_id: int, session: AsyncSession):
    club = session.get(Club, club_id)
    if club is not None:
        return ClubUser(club=await club)
    return None


async def handed_on(club_id: int, session: AsyncSession):
    club = session.get(Club, club_id)
    notify.send(club)


async def scheduled(club_id: int, session: AsyncSession, group):
    club = session.get(Club, club_id)
    if club:
        group.create_task(club)
