# structlog's asynchronous logging methods (`await logger.aexception(e)`)
# report the exception like `logger.exception(e)`: they deliver it to no
# one, so the handler still replaces the cancellation (langflow's
# aadd_messagetables, langflow-ai/langflow#13827, bench/realbugs74).
import asyncio

import structlog

logger = structlog.get_logger()


async def refresh_all(session, messages):
    try:
        for message in messages:
            await session.refresh(message)
    except asyncio.CancelledError as e:
        await logger.aexception(e)
        error_msg = "Operation cancelled"
        raise ValueError(error_msg) from e  # want: ASYNC104 "raising a different exception"


async def commit(session):
    try:
        await session.commit()
    except asyncio.CancelledError as e:
        await logger.aerror(e)
        return None  # want: ASYNC104 "swallows the cancellation"


async def logged_and_reraised(session):
    try:
        await session.commit()
    except asyncio.CancelledError as e:
        await logger.awarning("commit cancelled: %s", e)
        raise


async def handed_on(session, future):
    try:
        await session.commit()
    except asyncio.CancelledError as e:
        future.set_exception(e)  # whoever waits for the future gets it
        return None
