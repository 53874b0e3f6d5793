# GoogleBaseAsyncHook.get_sync_hook (Airflow's Google provider) is a
# coroutine function: without await the hook is a coroutine object, and
# `hook.get_job` fails with AttributeError.
from airflow.providers.google.common.hooks.base_google import GoogleBaseAsyncHook


class ReportAsyncHook(GoogleBaseAsyncHook):
    sync_hook_class = object

    async def job_state(self, job_id):
        hook = self.get_sync_hook()  # want: ASL102
        return hook.get_job(job_id=job_id).state

    # Quiet: awaited.
    async def job_state_awaited(self, job_id):
        hook = await self.get_sync_hook()
        return hook.get_job(job_id=job_id).state
