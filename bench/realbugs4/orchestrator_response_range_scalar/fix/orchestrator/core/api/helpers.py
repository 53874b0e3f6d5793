# Copyright 2019-2026 SURF, GÉANT.
# Licensed under the Apache License, Version 2.0 (the "License").

import functools
import itertools
import warnings
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response
from structlog import get_logger

from orchestrator.core.api.error_handling import raise_status
from orchestrator.core.db.models import SubscriptionSearchView
from orchestrator.core.db.range.range import Selectable, apply_range_to_statement
from orchestrator.core.utils.search_query import create_ts_query_string

logger = get_logger(__name__)


def _quote_if_kv_pair(token: str) -> str:
    return f'"{token}"' if ":" in token else token


async def add_response_range(
    stmt: Selectable, range_: list[int] | None, response: Response, session: AsyncSession, unit: str = "items"
) -> Selectable:
    if range_ is not None and len(range_) == 2:
        total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
        range_start, range_end = range_
        try:
            stmt = apply_range_to_statement(stmt, range_start, range_end)
        except ValueError as e:
            logger.exception(e)
            raise_status(HTTPStatus.BAD_REQUEST, str(e))

        response.headers["Content-Range"] = f"{unit} {range_start}-{range_end}/{total}"
    return stmt


MAX_QUERY_STRING_LENGTH = 512


def add_subscription_search_query_filter(stmt: Select, search_query: str) -> Select:
    """Filters the Select statement on the contents of the query string."""
    warnings.warn(
        "TSV search is deprecated and will be removed in a future version. "
        "Use the LLM-powered search API at /api/search instead.",
        DeprecationWarning,
        stacklevel=2,
    )
    if len(search_query) > MAX_QUERY_STRING_LENGTH:
        raise_status(HTTPStatus.BAD_REQUEST, f"Max query length of {MAX_QUERY_STRING_LENGTH} characters exceeded.")

    ts_query = create_ts_query_string(search_query)
    return stmt.join(SubscriptionSearchView).filter(
        func.to_tsquery("simple", ts_query).op("@@")(SubscriptionSearchView.tsv)
    )
