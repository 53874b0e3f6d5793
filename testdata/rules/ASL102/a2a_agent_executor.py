# A2A (a2a-sdk) agent executors: since a2a-sdk 0.2.6 EventQueue.enqueue_event
# and TaskUpdater's publishing methods are coroutine functions; a call
# without await publishes nothing to the client.
from typing import TYPE_CHECKING

from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.tasks import TaskUpdater
from a2a.types import TaskState
from a2a.utils import new_agent_text_message, new_task

if TYPE_CHECKING:
    from a2a.server.events import EventQueue


class ReportExecutor(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: "EventQueue") -> None:
        task = context.current_task
        if not task:
            task = new_task(context.message)
            event_queue.enqueue_event(task)  # want: ASL102 "coroutine `event_queue.enqueue_event\(\)` is never awaited"
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        updater.start_work()  # want: ASL102 "coroutine `updater.start_work\(\)` is never awaited"
        try:
            text = await self.answer(context.get_user_input())
        except Exception:
            updater.failed(new_agent_text_message("failed"))  # want: ASL102
            return
        updater.update_status(TaskState.working, new_agent_text_message(text))  # want: ASL102
        updater.complete()  # want: ASL102

    async def cancel(self, context: RequestContext, event_queue: "EventQueue") -> None:
        event_queue.enqueue_event(new_agent_text_message("cannot cancel"))  # want: ASL102

    async def answer(self, question: str) -> str:
        return question


# Quiet: awaited, or TaskUpdater's one plain method (it only builds the
# message), or another object's enqueue_event.
class QuietExecutor(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: "EventQueue") -> None:
        task = new_task(context.message)
        await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        await updater.start_work()
        message = updater.new_agent_message(parts=[])
        await updater.update_status(TaskState.working, message)
        await updater.complete()

    async def cancel(self, context: RequestContext, event_queue: "EventQueue") -> None:
        await event_queue.enqueue_event(new_agent_text_message("cannot cancel"))


class LocalQueue:
    def enqueue_event(self, event: object) -> None:
        print(event)


async def local(queue: LocalQueue) -> None:
    queue.enqueue_event("x")
