from fastapi import APIRouter, Depends

from . import database
from .database import get_db_session, stream_rows

router = APIRouter()


@router.get("/health")
async def health(db=Depends(get_db_session)):
    return {"ok": db is not None}


@router.get("/admin")
async def admin(db=Depends(dependency=database.get_admin_session)):
    return {"ok": db is not None}


@router.get("/rows")
async def rows(query: str):
    out = []
    async for row in stream_rows(query):
        out.append(row)
        if len(out) > 10:
            break
    return out
