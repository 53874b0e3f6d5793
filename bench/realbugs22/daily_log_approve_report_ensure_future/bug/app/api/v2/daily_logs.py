"""Daily log v2 API endpoints.

All routes are project-scoped: ``/projects/{project_id}/daily-logs/...``
"""

from __future__ import annotations

import io
import logging
import uuid
from datetime import date, datetime

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_db
from app.dependencies import require_permission, verify_project_access
from app.models.productivity import DailyLog
from app.models.user import User
from app.schemas.productivity import (
    DailyLogCreateV2,
    DailyLogDetailListResponse,
    DailyLogDetailResponse,
    DailyLogUpdateV2,
)
from app.services.productivity.daily_log_pdf import generate_daily_log_pdf
from app.services.productivity.daily_log_service import (
    approve_daily_log,
    auto_populate_weather,
    copy_previous_day,
    create_daily_log,
    export_daily_logs_csv,
    get_daily_log_detail,
    get_weekly_summary,
    list_daily_logs,
    reject_to_draft,
    submit_daily_log,
    update_daily_log,
)

logger = logging.getLogger(__name__)

router = APIRouter()


@router.post(
    "/{project_id}/daily-logs/{log_id}/approve",
    response_model=DailyLogDetailResponse,
)
async def approve_log(
    project_id: uuid.UUID,
    log_id: uuid.UUID,
    current_user: User = Depends(require_permission("daily_logs", "update")),
    db: AsyncSession = Depends(get_db),
):
    """Approve a submitted daily log."""
    await verify_project_access(project_id, current_user, db)
    try:
        log = await approve_daily_log(db, log_id, project_id, current_user.id)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))

    # IG-13: After approval, trigger daily report generation if one does not
    # already exist for this date. Fire-and-forget — never blocks approval.
    try:
        from app.models.generated_report import GeneratedDailyReport

        log_date = log.get("log_date") if isinstance(log, dict) else getattr(log, "log_date", None)
        if log_date is not None:
            if isinstance(log_date, str):
                log_date = date.fromisoformat(log_date)
            existing_report = await db.execute(
                select(GeneratedDailyReport).where(
                    GeneratedDailyReport.project_id == project_id,
                    GeneratedDailyReport.report_date == log_date,
                )
            )
            if existing_report.scalars().first() is None:
                import asyncio

                # Build the daily log dict for the report generator
                log_dict = log if isinstance(log, dict) else None
                asyncio.ensure_future(
                    _trigger_report_generation(str(project_id), log_date, log_dict)
                )
                logger.info(
                    "Triggered daily report generation for project %s date %s",
                    project_id,
                    log_date,
                )
            else:
                logger.debug(
                    "Daily report already exists for project %s date %s; skipping generation",
                    project_id,
                    log_date,
                )
    except Exception:
        logger.warning(
            "Failed to trigger daily report generation after log approval",
            exc_info=True,
        )

    return log


async def _trigger_report_generation(
    project_id: str,
    report_date: date,
    daily_log: dict | None,
) -> None:
    """Fire-and-forget wrapper for daily report generation."""
    try:
        from app.services.communication.report_generator import generate_daily_report

        await generate_daily_report(
            project_id=project_id,
            report_date=report_date,
            daily_log=daily_log,
        )
    except Exception:
        logger.warning(
            "Background daily report generation failed for project %s date %s",
            project_id,
            report_date,
            exc_info=True,
        )
