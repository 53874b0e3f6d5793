"""LLM-assisted conditions for semantic rule evaluation.

This module contains conditions that use an LLM to perform evaluations
that cannot be expressed as deterministic checks. These conditions are
opt-in and clearly documented as having LLM latency in the evaluation path.
"""

import asyncio
import logging
import time
from typing import Any

from pydantic import BaseModel, Field

from src.core.models import Severity, Violation
from src.rules.conditions.base import BaseCondition

logger = logging.getLogger(__name__)


def _truncate_text(text: str, max_length: int = 2000) -> str:
    """Truncate text to prevent excessively large prompts and potential injection."""
    if len(text) <= max_length:
        return text
    return text[:max_length] + "... [truncated]"


class AlignmentVerdict(BaseModel):
    """Structured LLM response for description-diff alignment evaluation."""

    decision: str = Field(description="Whether the description is 'aligned' or 'misaligned'")
    confidence: float = Field(description="Confidence score between 0.0 and 1.0", ge=0.0, le=1.0)
    reasoning: str = Field(description="Brief explanation of the alignment or mismatch")
    recommendations: list[str] | None = Field(
        description="Actionable suggestions for improving the description (only if misaligned)", default=None
    )
    strategy_used: str = Field(description="The strategy used to evaluate the description")


_SYSTEM_PROMPT = """You are a senior code reviewer (prompt shortened)."""

_HUMAN_PROMPT_TEMPLATE = """## PR title
{title}

## PR description
{description}

## Diff summary (top changed files)
{diff_summary}

## Changed file list
{file_list}
"""


class DescriptionDiffAlignmentCondition(BaseCondition):
    """Validates that the PR description semantically matches the code diff."""

    name = "description_diff_alignment"
    description = "Validates that the PR description accurately reflects the actual code changes."
    parameter_patterns = ["require_description_diff_alignment"]
    event_types = ["pull_request"]
    examples = [{"require_description_diff_alignment": True}]

    async def evaluate(self, context: Any) -> list[Violation]:
        """Evaluate description-diff alignment using an LLM with retries and graceful degradation."""
        parameters = context.get("parameters", {})
        event = context.get("event", {})

        if not parameters.get("require_description_diff_alignment"):
            return []

        pr_details = event.get("pull_request_details", {})
        title = pr_details.get("title", "")
        description_body = pr_details.get("body") or ""
        diff_summary = event.get("diff_summary", "")
        changed_files = event.get("changed_files", [])

        # Nothing to compare against
        if not changed_files:
            return []

        file_list = "\n".join(f"- {f.get('filename', '?')}" for f in changed_files[:20])

        human_prompt = _HUMAN_PROMPT_TEMPLATE.format(
            title=_truncate_text(title, 200) or "(no title)",
            description=_truncate_text(description_body, 2000) or "(empty)",
            diff_summary=_truncate_text(diff_summary, 2000) or "(no diff summary available)",
            file_list=file_list,
        )

        # Retry loop with exponential backoff
        max_attempts = 3
        for attempt in range(1, max_attempts + 1):
            try:
                from langchain_core.messages import HumanMessage, SystemMessage

                from src.integrations.providers import get_chat_model

                llm = get_chat_model(
                    temperature=0.0,
                    max_tokens=512,
                )
                structured_llm = llm.with_structured_output(AlignmentVerdict, method="function_calling")

                messages = [
                    SystemMessage(content=_SYSTEM_PROMPT),
                    HumanMessage(content=human_prompt),
                ]

                start_time = time.time()
                verdict: AlignmentVerdict = await structured_llm.ainvoke(messages)
                latency_ms = int((time.time() - start_time) * 1000)
                logger.info("LLM alignment check completed", extra={"attempt": attempt, "latency_ms": latency_ms})

                if verdict.decision == "misaligned":
                    return [
                        Violation(
                            rule_description=self.description,
                            severity=Severity.MEDIUM,
                            message=f"PR description does not align with code changes: {verdict.reasoning}",
                        )
                    ]
                return []

            except Exception as e:
                wait_time = 2**attempt  # Exponential backoff: 2s, 4s, 8s
                logger.warning(f"LLM call failed (attempt {attempt}/{max_attempts})", extra={"error": str(e)})

                if attempt < max_attempts:
                    await asyncio.sleep(wait_time)
                else:
                    # All attempts failed - gracefully degrade
                    logger.error("All LLM retry attempts exhausted; skipping alignment check.")
                    return []

        return []
