# A deferrable operator's async hook on Airflow's Google provider base:
# GoogleBaseAsyncHook.get_sync_hook() builds the class the subclass binds to
# `sync_hook_class`, its synchronous twin, whose methods block (google-cloud
# clients). Calling one on the awaited hook inside the coroutine a trigger
# polls blocks the triggerer's loop (apache/airflow#63230).
from asgiref.sync import sync_to_async
from google.cloud.bigquery import Client

from airflow.providers.google.common.hooks.base_google import GoogleBaseAsyncHook, GoogleBaseHook


class WarehouseHook(GoogleBaseHook):
    def get_client(self, project_id=None, location=None):
        return Client(project=project_id, location=location, credentials=self.get_credentials())

    def get_job(self, job_id, project_id=None, location=None):
        client = self.get_client(project_id=project_id, location=location)
        return client.get_job(job_id=job_id, project=project_id, location=location)

    def job_url(self, job_id):
        return f"https://console.cloud.google.com/bigquery?j={job_id}"


class WarehouseAsyncHook(GoogleBaseAsyncHook):
    sync_hook_class = WarehouseHook

    async def get_job_state(self, job_id, project_id=None, location=None):
        sync_hook = await self.get_sync_hook()
        job = sync_hook.get_job(job_id=job_id, project_id=project_id, location=location)  # want: ASL201
        return job.state

    # Quiet: the synchronous call runs in asgiref's thread pool.
    async def get_job_state_offloaded(self, job_id, project_id=None, location=None):
        sync_hook = await self.get_sync_hook()
        job = await sync_to_async(sync_hook.get_job)(job_id=job_id, project_id=project_id, location=location)
        return job.state

    # Quiet: a method of the synchronous hook that does no I/O.
    async def get_job_link(self, job_id):
        sync_hook = await self.get_sync_hook()
        return sync_hook.job_url(job_id)


class UnboundAsyncHook(GoogleBaseAsyncHook):
    # Quiet: no `sync_hook_class` here, so what get_sync_hook() builds is not
    # known.
    async def get_job_state(self, job_id):
        sync_hook = await self.get_sync_hook()
        return sync_hook.get_job(job_id=job_id).state
