import asyncio

from fastapi import APIRouter, Depends

from ..database import get_db
from ..services import notify_user

router = APIRouter()


@router.post("/users/{user_id}/notify")
async def notify(user_id: int, db=Depends(get_db)):
    notify_user(user_id)  # want: ASL101
    asyncio.create_task(audit(user_id))  # want: ASYNC300
    return {"ok": True}


async def audit(user_id):
    await asyncio.sleep(0)
