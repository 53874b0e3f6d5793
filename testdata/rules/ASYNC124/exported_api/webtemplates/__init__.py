"""A template helper library: what it defines here is its public API."""
from typing import Any, Dict

from .compat import maybe_async

CONTEXT_PROCESSORS_KEY = "context_processors"


# Quiet: public API of the package. Users list it in their context
# processors, which the library awaits; a plain def would break them.
async def request_processor(request: Any) -> Dict[str, Any]:
    return {"request": request}


async def render_context(request: Any, processors) -> Dict[str, Any]:
    context: Dict[str, Any] = {}
    for processor in processors:
        context.update(await maybe_async(processor(request)))
    return context


# Fires: private to the package, so nothing outside awaits it.
async def _default_context(request: Any) -> Dict[str, Any]:  # want: ASYNC124
    return {"app": request.app}
