# Copyright IBM Corp. All Rights Reserved.
# SPDX-License-Identifier: Apache-2.0

"""`Requirement` interface for constrained and validated generation.

(module docstring trimmed)
"""

import re
from collections.abc import Callable
from copy import copy
from typing import Literal

from .backend import Backend, BaseModelSubclass
from .base import (
    CBlock,
    Component,
    Context,
    ModelOutputThunk,
    Span,
    TemplateRepresentation,
)


class ValidationResult:
    """ValidationResults store the output of a Requirement's validation. (docstring trimmed)"""

    def __init__(
        self,
        result: bool,
        *,
        reason: str | None = None,
        score: float | None = None,
        thunk: ModelOutputThunk | None = None,
        context: Context | None = None,
    ):
        """Initialize ValidationResult with a pass/fail boolean and optional metadata."""
        self._result = result
        self._reason = reason
        self._score = score
        self._thunk = thunk
        self._context = context

    # ... (reason, score, thunk, context properties trimmed)

    def as_bool(self) -> bool:
        """Return a boolean value based on the validation result."""
        return self._result

    def __bool__(self) -> bool:
        """Return a boolean value based on the result."""
        return self.as_bool()

    def __repr__(self) -> str:
        """Return a developer-readable representation of the validation result."""
        return f"ValidationResult({self._result!r}, reason={self._reason!r}, score={self._score!r})"


class PartialValidationResult:
    """Tri-state result from per-chunk streaming validation. (body trimmed)"""


def default_output_to_bool(x: CBlock | ModelOutputThunk | str) -> bool:
    """Convert a model output string to a boolean by checking for a "yes" answer. (docstring trimmed)"""
    output = str(x)

    if output.upper() == "YES" or output.upper() == "Y":
        return True

    word_splits = re.split(r"\W+", output)
    if "YES" in [word.upper() for word in word_splits]:
        return True

    return False


class Requirement(Component[str]):
    """Requirements are a special type of Component used as input to the Validate step in Instruct/Validate/Repair patterns. (docstring trimmed)"""

    def __init__(
        self,
        description: str | None = None,
        validation_fn: Callable[[Context], ValidationResult] | None = None,
        *,
        output_to_bool: Callable[[CBlock | ModelOutputThunk | str], bool]
        | None = default_output_to_bool,
        check_only: bool = False,
    ):
        """Initialize Requirement with an optional description, validation function, and output converter."""
        self.description = description
        self.output_to_bool = output_to_bool
        self.validation_fn = validation_fn
        self.check_only = check_only

        # Used for validation. Do not manually populate.
        self._output: str | None = None

    async def validate(
        self,
        backend: Backend,
        ctx: Context,
        *,
        format: type[BaseModelSubclass] | None = None,
        model_options: dict | None = None,
    ) -> ValidationResult:
        """Chooses the appropriate validation strategy and applies it to the given context. (docstring trimmed)"""
        if self.validation_fn is not None:
            # Python validation strategy
            return self.validation_fn(ctx)
        else:
            # LLMaJ validation strategy. This includes aLoRA because the backend generate call will appropriately dispatch.
            assert self.output_to_bool is not None
            last_output = ctx.last_output()
            assert isinstance(last_output, ModelOutputThunk), (
                " Context has no appropriate last output"
            )

            # Create a copy of the requirement that holds the output
            # and its template gets populated with the output correctly.
            req_copy = copy(self)
            req_copy._output = last_output.value
            llm_as_a_judge_result, val_ctx = await backend.generate_from_context(
                req_copy, ctx, format=format, model_options=model_options
            )
            await llm_as_a_judge_result.avalue()

            judge_output = llm_as_a_judge_result.value
            reason = judge_output
            if judge_output:
                judge_output_str = str(judge_output).strip().lower()
                if judge_output_str in ("yes", "no"):
                    reason = self.description

            return ValidationResult(
                result=self.output_to_bool(llm_as_a_judge_result),
                reason=reason,
                thunk=llm_as_a_judge_result,
                context=val_ctx,
            )

    async def stream_validate(
        self, chunk: str, *, backend: Backend, ctx: Context
    ) -> PartialValidationResult:
        """Hook for per-chunk streaming validation. (docstring trimmed)"""
        return PartialValidationResult("unknown")

    # ... (parts, format_for_llm and the rest trimmed)
