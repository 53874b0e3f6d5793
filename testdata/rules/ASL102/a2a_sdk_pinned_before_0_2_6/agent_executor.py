# The project's requirements.txt pins a2a-sdk 0.2.5, where enqueue_event and
# TaskUpdater's methods are plain methods: calling them without await is
# right there.
import asyncio

from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import TaskState
from a2a.utils import new_agent_text_message, new_task


class EchoExecutor(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        task = new_task(context.message)
        event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.contextId)
        updater.update_status(TaskState.working, new_agent_text_message("working"))
        updater.complete()
        # Other libraries' coroutines are still reported.
        asyncio.sleep(0)  # want: ASL102

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        event_queue.enqueue_event(new_agent_text_message("cannot cancel"))
