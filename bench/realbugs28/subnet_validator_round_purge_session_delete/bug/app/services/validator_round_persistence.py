from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from app.services.round_calc import compute_boundaries_for_round

from app.db.models import (
    AgentEvaluationRunORM,
    EvaluationORM,
    TaskORM,
    TaskSolutionORM,
    ValidatorRoundMinerORM,
    ValidatorRoundORM,
    ValidatorRoundSummaryORM,
    ValidatorRoundValidatorORM,
)
from app.models.core import (
    AgentEvaluationRun,
    Evaluation,
    Miner,
    ValidatorRoundMiner,
    Task,
    TaskSolution,
    Validator,
    ValidatorRound,
    ValidatorRoundSubmissionRequest,
    ValidatorRoundValidator,
)


@dataclass
class PersistenceResult:
    validator_uid: int
    saved_entities: Dict[str, Any]


class RoundConflictError(ValueError):
    """Raised when a validator attempts to register the same round twice."""


class DuplicateIdentifierError(ValueError):
    """Raised when an identifier that must be unique already exists."""


def _non_empty_dict(value: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    return value or {}


class ValidatorRoundPersistenceService:
    """Handle persisting validator round submissions into the SQL database."""

    def __init__(self, session: AsyncSession):
        self.session = session

    # ------------------------------------------------------------------
    # Public API used by endpoints
    # ------------------------------------------------------------------

    async def start_round(
        self,
        *,
        validator_identity: Validator,
        validator_round: ValidatorRound,
        validator_snapshot: ValidatorRoundValidator,
    ) -> ValidatorRoundORM:
        """Create a new validator round and store the initial snapshot."""
        await self._purge_round_for_validator_and_number(
            validator_round.validator_uid, validator_round.round_number
        )
        await self._ensure_unique_round_number(
            validator_round.validator_uid,
            validator_round.round_number,
        )

        existing_round = await self._get_round_row(validator_round.validator_round_id)
        if existing_round is not None:
            raise DuplicateIdentifierError(
                f"validator_round_id {validator_round.validator_round_id} is already registered"
            )

        round_row = ValidatorRoundORM(
            **self._validator_round_kwargs(validator_round)
        )
        self.session.add(round_row)
        await self.session.flush()

        snapshot_row = await self._upsert_validator_snapshot(
            round_row, validator_snapshot
        )

        return round_row

    # ------------------------------------------------------------------
    # Helper utilities
    # ------------------------------------------------------------------

    async def _get_round_row(
        self, validator_round_id: str
    ) -> Optional[ValidatorRoundORM]:
        # Load with eager loading for validator_snapshot (1:1 relationship)
        stmt = (
            select(ValidatorRoundORM)
            .options(selectinload(ValidatorRoundORM.validator_snapshot))
            .where(ValidatorRoundORM.validator_round_id == validator_round_id)
        )
        return await self.session.scalar(stmt)

    async def _purge_round_for_validator_and_number(
        self, validator_uid: int, round_number: Optional[int]
    ) -> None:
        """Delete any existing round for this validator and round_number (and cascade children)."""
        if round_number is None:
            return
        stmt = (
            select(ValidatorRoundORM)
            .join(
                ValidatorRoundValidatorORM,
                ValidatorRoundORM.validator_round_id == ValidatorRoundValidatorORM.validator_round_id,
            )
            .where(
                ValidatorRoundValidatorORM.validator_uid == validator_uid,
                ValidatorRoundORM.round_number == round_number,
            )
        )
        rows = list(await self.session.scalars(stmt))
        if not rows:
            return
        for row in rows:
            self.session.delete(row)
        await self.session.flush()

    async def _ensure_unique_round_number(
        self,
        validator_uid: int,
        round_number: Optional[int],
        *,
        exclude_round_id: Optional[str] = None,
    ) -> None:
        if round_number is None:
            return

        stmt = (
            select(ValidatorRoundORM)
            .join(
                ValidatorRoundValidatorORM,
                ValidatorRoundORM.validator_round_id == ValidatorRoundValidatorORM.validator_round_id,
            )
            .where(
                ValidatorRoundValidatorORM.validator_uid == validator_uid,
                ValidatorRoundORM.round_number == round_number,
            )
        )
        if exclude_round_id is not None:
            stmt = stmt.where(ValidatorRoundORM.validator_round_id != exclude_round_id)
        existing = await self.session.scalar(stmt)
        if existing:
            raise RoundConflictError(
                f"Validator {validator_uid} already has a round with number {round_number}"
            )

    async def _upsert_validator_snapshot(
        self,
        round_row: ValidatorRoundORM,
        snapshot: ValidatorRoundValidator,
    ) -> ValidatorRoundValidatorORM:
        # 1:1 relationship - only one snapshot per round
        stmt = select(ValidatorRoundValidatorORM).where(
            ValidatorRoundValidatorORM.validator_round_id == round_row.validator_round_id,
        )
        existing = await self.session.scalar(stmt)
        kwargs = {
            "validator_round_id": round_row.validator_round_id,
            "validator_uid": snapshot.validator_uid,
            "validator_hotkey": snapshot.validator_hotkey,
            "validator_coldkey": snapshot.validator_coldkey,
            "round_number": round_row.round_number,  # Copy from round_row
            "name": snapshot.name,
            "stake": snapshot.stake,
            "vtrust": snapshot.vtrust,
            "image_url": snapshot.image_url,
            "version": snapshot.version,
            "config": snapshot.config,  # Include validator configuration
        }
        if existing:
            for key, value in kwargs.items():
                setattr(existing, key, value)
            return existing
        row = ValidatorRoundValidatorORM(**kwargs)
        self.session.add(row)
        await self.session.flush()
        return row

    def _validator_round_kwargs(
        self, model: ValidatorRound
    ) -> Dict[str, Any]:
        # validator_uid, validator_hotkey, validator_coldkey moved to ValidatorRoundValidatorORM
        return {
            "validator_round_id": model.validator_round_id,
            "round_number": model.round_number,
            "start_block": model.start_block,
            "end_block": model.end_block,
            "start_epoch": model.start_epoch,
            "end_epoch": model.end_epoch,
            "started_at": model.started_at,
            "ended_at": model.ended_at,
            "n_tasks": model.n_tasks,
            "n_miners": model.n_miners,
            "n_winners": model.n_winners,
            "status": model.status,
            "meta": _non_empty_dict(model.metadata),
        }
