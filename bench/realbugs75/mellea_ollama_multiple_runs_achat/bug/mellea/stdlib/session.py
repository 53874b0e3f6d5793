"""`MelleaSession`: the primary entry point for running generative programs.

`MelleaSession` wraps a `Backend` and a `Context` and exposes high-level methods
(`act`, `instruct`, `sample`) that drive the generate-validate-repair loop. It
also manages a global context variable (accessible via `get_session()`) so that
nested components can reach the current session without explicit threading. Use
`start_session(...)` as a context manager to create and automatically clean up a
session.
"""

from __future__ import annotations

import collections.abc
import contextlib
import contextvars
import inspect
from copy import copy
from typing import Any, Literal, overload

from PIL import Image as PILImage

from ..backends.model_ids import (
    IBM_GRANITE_4_1_3B,
    IBM_GRANITE_4_HYBRID_SMALL,
    ModelIdentifier,
)
from ..core import (
    AudioBlock,
    AudioUrlBlock,
    Backend,
    BaseModelSubclass,
    CBlock,
    Component,
    ComputedModelOutputThunk,
    Context,
    GenerateLog,
    ImageBlock,
    ImageUrlBlock,
    MelleaLogger,
    ModelOutputThunk,
    Requirement,
    S,
    SamplingResult,
    SamplingStrategy,
    ValidationResult,
)
from ..core.utils import _log_context
from ..helpers import _run_async_in_thread
from ..plugins.manager import has_plugins, invoke_hook
from ..plugins.types import HookType
from ..stdlib import functional as mfuncs
from ..telemetry.context import with_context
from ..telemetry.tracing import (
    finish_session_span,
    finish_session_startup_span,
    start_session_span,
    start_session_startup_span,
)
from .components import Document, Message
from .context import ChatContext, SimpleContext
from .sampling import RejectionSamplingStrategy
from .start_backend import (
    _resolve_context,
    _resolve_model_id_str,
    backend_name_to_class,
)

# Global context variable for the context session
_context_session: contextvars.ContextVar[MelleaSession | None] = contextvars.ContextVar(
    "context_session", default=None
)


def get_session() -> MelleaSession:
    """Get the current session from context.

    Returns:
        The currently active `MelleaSession`.

    Raises:
        RuntimeError: If no session is currently active.
    """
    session = _context_session.get()
    if session is None:
        raise RuntimeError(
            "No active session found. Use 'with start_session(...):' to create one."
        )
    return session


def start_session(
    backend_name: Literal["ollama", "hf", "openai", "watsonx", "litellm"] = "ollama",
    model_id: str | ModelIdentifier = IBM_GRANITE_4_1_3B,
    ctx: Context | None = None,
    *,
    context_type: Literal["simple", "chat"] | None = None,
    model_options: dict | None = None,
    plugins: list[Any] | None = None,
    **backend_kwargs: Any,
) -> MelleaSession:
    """Start a new Mellea session. Can be used as a context manager or called directly.

    (docstring trimmed)
    """
    import uuid

    logger = MelleaLogger.get_logger()

    # Validate args.
    resolved_ctx = _resolve_context(ctx, context_type)
    model_id_str = _resolve_model_id_str(model_id, backend_name)
    backend_class = backend_name_to_class(backend_name)
    if backend_class is None:
        raise Exception(
            f"Backend name {backend_name} unknown. Valid options are: "
            "`ollama`, `hf`, `openai`, `watsonx`, `litellm`."
        )

    # Pre-generate so the startup span and session_pre_init payload share an id.
    session_id = str(uuid.uuid4())

    # Called directly, not via hook: OTel Token attach/detach is task-affine,
    # and each hook firing runs in a separate _run_async_in_thread Task.
    start_session_startup_span(
        session_id,
        backend=backend_name,
        model_id=model_id_str,
        context_type=resolved_ctx.__class__.__name__,
    )
    try:
        # --- session_pre_init hook ---
        if has_plugins(HookType.SESSION_PRE_INIT):
            from ..plugins.hooks.session import SessionPreInitPayload

            pre_payload = SessionPreInitPayload(
                session_id=session_id,
                backend_name=backend_name,
                model_id=model_id_str,
                model_options=model_options,
                context_type=resolved_ctx.__class__.__name__,
            )
            _, pre_payload = _run_async_in_thread(
                invoke_hook(HookType.SESSION_PRE_INIT, pre_payload)
            )
            # Apply writable field modifications
            model_id_str = pre_payload.model_id
            model_options = pre_payload.model_options

        backend_class = backend_name_to_class(backend_name)
        if backend_class is None:
            raise Exception(
                f"Backend name {backend_name} unknown. Please see the docstring for `mellea.stdlib.session.start_session` for a list of options."
            )
        assert backend_class is not None
        if "watsonx" in backend_name:
            # Temp hack for watsonx for granite 4.1
            backend = backend_class(
                IBM_GRANITE_4_HYBRID_SMALL.watsonx_name,
                model_options=model_options,
                **backend_kwargs,
            )
        else:
            backend = backend_class(
                model_id_str, model_options=model_options, **backend_kwargs
            )

        logger.info(
            f"Starting Mellea session: backend={backend_name}, model={model_id_str}, "
            f"context={resolved_ctx.__class__.__name__}"
            + (f", model_options={model_options}" if model_options else "")
        )

        session = MelleaSession(backend, resolved_ctx, session_id=session_id)

        # Register session-scoped plugins
        if plugins:
            from ..plugins.registry import register as register_plugins

            register_plugins(plugins, session_id=session.id)

        # --- session_post_init hook ---
        if has_plugins(HookType.SESSION_POST_INIT):
            from ..plugins.hooks.session import SessionPostInitPayload

            post_payload = SessionPostInitPayload(
                session_id=session.id, model_id=model_id_str, context=session.ctx
            )
            _run_async_in_thread(
                invoke_hook(HookType.SESSION_POST_INIT, post_payload, backend=backend)
            )
    except BaseException as exc:
        finish_session_startup_span(session_id, exception=exc)
        raise
    else:
        finish_session_startup_span(session_id)

    return session


class MelleaSession:
    """Mellea sessions are a THIN wrapper around `m` convenience functions with NO special semantics.

    (docstring trimmed)
    """

    # ``ctx`` is exposed as a property below; backing field is ``_ctx``.

    def __init__(
        self,
        backend: Backend,
        ctx: Context | None = None,
        *,
        session_id: str | None = None,
    ):
        """Initialize MelleaSession with a backend and optional conversation context."""
        import uuid

        self._init_fields(
            session_id if session_id is not None else str(uuid.uuid4()),
            backend,
            ctx if ctx is not None else SimpleContext(),
        )
        self._auto_bind_model()

    def _init_fields(self, session_id: str, backend: Backend, ctx: Context) -> None:
        """Set all instance fields. Shared by __init__ and __copy__ so neither diverges."""
        self.id = session_id
        self.backend = backend
        # Bypass the ctx setter so this initial assignment doesn't count as an
        # interaction.
        self._ctx: Context = ctx
        self._interaction_count: int = 0
        self._session_logger = MelleaLogger.get_logger()
        self._context_token = None
        self._log_context_token = None
        self._exit_stack: contextlib.ExitStack | None = None

    @property
    def ctx(self) -> Context:
        """The session's current conversation context."""
        return self._ctx

    @ctx.setter
    def ctx(self, value: Context) -> None:
        """Replace the context and count this as one interaction."""
        self._ctx = value
        self._interaction_count += 1

    def _auto_bind_model(self) -> None:
        """Bind the backend's model_id to a bare ChatContext, enabling auto context-window sizing."""
        if (
            isinstance(self.ctx, ChatContext)
            and self.ctx.model_id is None
            and self.ctx.is_root_node
            and getattr(self.backend, "model_id", None) is not None
        ):
            # Bypass the setter — binding at construction is not an interaction.
            self._ctx = self.ctx._bind_model(getattr(self.backend, "model_id"))

    # ... (__enter__, __exit__, __copy__, clone trimmed)

    def reset(self) -> None:
        """Reset the context state to a fresh, empty context of the same type."""
        if has_plugins(HookType.SESSION_RESET):
            from ..plugins.hooks.session import SessionResetPayload

            payload = SessionResetPayload(previous_context=self.ctx)
            _run_async_in_thread(
                invoke_hook(HookType.SESSION_RESET, payload, backend=self.backend)
            )
        # Bypass the setter — a reset is a lifecycle event, not an interaction.
        # new_instance() preserves ChatContext config (model_id, compactor); the
        # base Context implementation falls back to reset_to_new().
        self._ctx = self._ctx.new_instance()
        self._interaction_count = 0

    # ... (cleanup, act, instruct trimmed)

    def chat(
        self,
        content: str,
        role: Message.Role = "user",
        *,
        images: list[ImageBlock | ImageUrlBlock] | list[PILImage.Image] | None = None,
        audio: list[AudioBlock | AudioUrlBlock] | None = None,
        documents: collections.abc.Iterable[str | Document] | None = None,
        user_variables: dict[str, str] | None = None,
        format: type[BaseModelSubclass] | None = None,
        model_options: dict | None = None,
        tool_calls: bool = False,
    ) -> Message:
        """Sends a simple chat message and returns the response. Adds both messages to the Context."""
        result, context = mfuncs.chat(
            content=content,
            context=self.ctx,
            backend=self.backend,
            role=role,
            images=images,
            audio=audio,
            documents=documents,
            user_variables=user_variables,
            format=format,
            model_options=model_options,
            tool_calls=tool_calls,
        )

        self.ctx = context
        return result

    # ... (validate, query, transform, aact, ainstruct trimmed)

    async def achat(
        self,
        content: str,
        role: Message.Role = "user",
        *,
        images: list[ImageBlock | ImageUrlBlock] | list[PILImage.Image] | None = None,
        audio: list[AudioBlock | AudioUrlBlock] | None = None,
        documents: collections.abc.Iterable[str | Document] | None = None,
        user_variables: dict[str, str] | None = None,
        format: type[BaseModelSubclass] | None = None,
        model_options: dict | None = None,
        tool_calls: bool = False,
    ) -> Message:
        """Sends a simple chat message and returns the response. Adds both messages to the Context."""
        result, context = await mfuncs.achat(
            content=content,
            context=self.ctx,
            backend=self.backend,
            role=role,
            images=images,
            audio=audio,
            documents=documents,
            user_variables=user_variables,
            format=format,
            model_options=model_options,
            tool_calls=tool_calls,
        )

        self.ctx = context
        return result

    # ... (avalidate and the rest trimmed)
