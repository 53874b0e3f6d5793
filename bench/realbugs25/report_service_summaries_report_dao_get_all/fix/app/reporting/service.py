"""Service layer for the reporting module - Phase 1: Fixed async/sync issues."""

from typing import List, Dict, Any, Optional
from fastapi import HTTPException
from decimal import Decimal
from pydantic import ValidationError

from app.reporting.dao import ReportDAO
from app.reporting.models import Report, ReportDeal, ReportTranche, ReportCalculation
from app.reporting.schemas import (
    ReportRead, ReportCreate, ReportUpdate, ReportSummary, ReportScope,
    ReportDealCreate, ReportTrancheCreate, ReportCalculationCreate, AvailableCalculation
)
from app.datawarehouse.dao import DatawarehouseDAO
from app.datawarehouse.schemas import DealRead, TrancheRead
from app.calculations.dao import CalculationDAO
from app.calculations.models import Calculation, GroupLevel
from app.query import QueryEngine
import time


class ReportService:
    """Service for managing report configurations and coordinating with data warehouse."""

    def __init__(
        self,
        report_dao: ReportDAO,
        dw_dao: DatawarehouseDAO,
        query_engine: QueryEngine = None,
    ):
        self.report_dao = report_dao
        self.dw_dao = dw_dao
        self.query_engine = query_engine

    async def get_all(self) -> List[ReportRead]:
        """Get all reports."""
        reports = await self.report_dao.get_all()
        return [ReportRead.model_validate(report) for report in reports]

    async def get_by_id(self, report_id: int) -> Optional[ReportRead]:
        """Get a report by ID."""
        report = await self.report_dao.get_by_id(report_id)
        if not report:
            return None
        return ReportRead.model_validate(report)

    async def get_all_summaries(self) -> List[ReportSummary]:
        """Get all reports with summary information including execution statistics."""
        reports = await self.report_dao.get_all()  # FIXED: await the async call
        summaries = []

        for report in reports:
            deal_count = len(report.selected_deals)
            
            # Calculate actual tranche count using smart tranche logic
            tranche_count = 0
            for deal in report.selected_deals:
                if deal.selected_tranches:
                    # Deal has explicit tranche selections
                    tranche_count += len(deal.selected_tranches)
                else:
                    # Deal uses "smart" all-tranches selection - get actual count from data warehouse
                    deal_tranches = self.dw_dao.get_tranches_by_dl_nbr(deal.dl_nbr)
                    tranche_count += len(deal_tranches)
            
            calculation_count = len(report.selected_calculations)
            
            # Get execution statistics
            from app.reporting.models import ReportExecutionLog
            
            execution_stats = self.query_engine.config_db.query(ReportExecutionLog)\
                .filter(ReportExecutionLog.report_id == report.id)
            
            total_executions = execution_stats.count()
            last_execution = execution_stats.order_by(ReportExecutionLog.executed_at.desc()).first()

            summary = ReportSummary(
                id=report.id,
                name=report.name,
                scope=ReportScope(report.scope),
                created_by=report.created_by or "system",
                created_date=report.created_date,
                deal_count=deal_count,
                tranche_count=tranche_count,
                calculation_count=calculation_count,
                is_active=report.is_active,
                total_executions=total_executions,
                last_executed=last_execution.executed_at if last_execution else None,
                last_execution_success=last_execution.success if last_execution else None
            )
            summaries.append(summary)

        return summaries

    async def delete(self, report_id: int) -> bool:
        """Delete a report."""
        return await self.report_dao.delete(report_id)
