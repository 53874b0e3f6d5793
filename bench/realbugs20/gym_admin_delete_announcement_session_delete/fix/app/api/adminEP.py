import shutil
import os
from pathlib import Path as FilePath
from io import BytesIO
import asyncio
from PIL import Image as PILImage  # Para compresión de imágenes
from fastapi import (
    APIRouter,
    Depends,
    HTTPException,
    Path,
    Body,
    Query,
    File,
    UploadFile,
    Form,
    Request,
    BackgroundTasks,
)
from app.notifications import send_multicast_notification
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.exc import IntegrityError
from sqlmodel import select, func
from typing import Optional, List
from datetime import datetime, timedelta, timezone, time
from uuid import uuid4, UUID

from app.database import get_session
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from app.models import (
    GymClass,
    Instructor,
    Booking,
    BookingStatus,
    User,
    Setting,
    Credit,
    FixedSchedule,
    DayOfWeek,
    Announcement,
    ProviderType,
)
from app.auth.dependencies import get_current_admin
from app.api.schemas import CreditUpdate, UserUpdate
import logging

logger = logging.getLogger("uvicorn")

router = APIRouter(dependencies=[Depends(get_current_admin)])


@router.delete("/announcements/{news_id}")
async def delete_announcement(
    news_id: str = Path(...),
    session: AsyncSession = Depends(get_session),
):
    """Borra novedad de BD y elimina el archivo físico para no ocupar espacio."""
    try:
        news_uuid = UUID(news_id)  # <--- Ahora funciona porque importamos UUID arriba
    except ValueError:
        raise HTTPException(400, detail="ID inválido")

    news = await session.get(Announcement, news_uuid)
    if not news:
        raise HTTPException(404, detail="Novedad no encontrada")

    # 1. Borrar archivo físico si existe
    if news.image_url:
        # Quitamos la primera barra para tener path relativo local
        relative_path = news.image_url.lstrip("/")

        # Usamos libreria os estándar para borrar
        if os.path.exists(relative_path):
            try:
                os.remove(relative_path)
            except Exception as e:
                logger.warning(f"Error borrando archivo: {e}")

    # 2. Borrar de BD
    await session.delete(news)  # CRITICAL: await was missing!
    await session.commit()
    return {"status": "deleted"}


@router.patch("/users/{user_id}/toggle-trial")
async def toggle_user_trial(
    user_id: str = Path(...),
    session: AsyncSession = Depends(get_session),
):
    """Switch Modo Prueba (is_trial)."""
    user = await session.get(User, user_id)
    if not user:
        raise HTTPException(404, detail="Usuario no encontrado")

    user.is_trial = not user.is_trial
    session.add(user)
    await session.commit()
    return {"status": "updated", "is_trial": user.is_trial}
