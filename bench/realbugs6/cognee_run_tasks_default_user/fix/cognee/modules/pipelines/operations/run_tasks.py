import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from cognee.context_global_variables import set_database_global_context_variables
from cognee.infrastructure.databases.relational import get_relational_engine
from cognee.modules.pipelines.models.PipelineRunInfo import (
    PipelineRunCompleted,
    PipelineRunErrored,
    PipelineRunStarted,
)
from cognee.modules.pipelines.operations import (
    log_pipeline_run_complete,
    log_pipeline_run_error,
    log_pipeline_run_start,
)
from cognee.modules.pipelines.utils import generate_pipeline_id
from cognee.modules.users.methods import get_default_user
from cognee.modules.users.models import User
from cognee.shared.logging_utils import get_logger

from ..tasks.task import Task
from .run_tasks_data_item import run_tasks_data_item

logger = get_logger("run_tasks(tasks: [Task], data)")


async def run_tasks(
    tasks: list[Task],
    dataset_id: UUID,
    data: list[Any] | None = None,
    user: User | None = None,
    pipeline_name: str = "unknown_pipeline",
    incremental_loading: bool = False,
    data_per_batch: int = 20,
):
    """Run a pipeline over a dataset as ONE logical run."""
    if not user:
        user = await get_default_user()

    async with get_relational_engine().get_async_session() as session:
        from cognee.modules.data.models import Dataset

        dataset = await session.get(Dataset, dataset_id)

    pipeline_id = generate_pipeline_id(user.id, dataset.id, pipeline_name)
    pipeline_run = await log_pipeline_run_start(
        pipeline_id, pipeline_name, dataset.id, data, user=user
    )
    pipeline_run_id = pipeline_run.pipeline_run_id

    yield PipelineRunStarted(
        pipeline_run_id=pipeline_run_id,
        dataset_id=dataset.id,
        dataset_name=dataset.name,
        payload=data,
    )

    async with set_database_global_context_variables(dataset.id, dataset.owner_id):
        try:
            if not isinstance(data, list):
                data = [data]

            semaphore = asyncio.Semaphore(data_per_batch)

            async def _run_item(data_item):
                async with semaphore:
                    return await run_tasks_data_item(
                        data_item,
                        dataset,
                        tasks,
                        pipeline_name,
                        pipeline_id,
                        pipeline_run_id,
                        user,
                        incremental_loading,
                    )

            results = await asyncio.gather(*[_run_item(item) for item in data])

            await log_pipeline_run_complete(
                pipeline_run_id, pipeline_id, pipeline_name, dataset.id, data, user=user
            )

            yield PipelineRunCompleted(
                pipeline_run_id=pipeline_run_id,
                dataset_id=dataset.id,
                dataset_name=dataset.name,
                data_ingestion_info=results,
            )

        except Exception as error:
            await log_pipeline_run_error(
                pipeline_run_id, pipeline_id, pipeline_name, dataset.id, data, error
            )

            yield PipelineRunErrored(
                pipeline_run_id=pipeline_run_id,
                payload=repr(error),
                dataset_id=dataset.id,
                dataset_name=dataset.name,
            )

            raise error
