from .base import CBlock, Component, Context, ModelOutputThunk, Span, TemplateRepresentation
from .requirement import (
    PartialValidationResult,
    Requirement,
    ValidationResult,
    default_output_to_bool,
)
