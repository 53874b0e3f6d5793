"""Dynamic services scheduler

This scheduler takes care of scheduling the dynamic services life cycle.

self._to_observe is a list containing all the dynamic services to schedule (from creation to deletion)
self._to_observe is protected by an asyncio Lock
1. a background task runs every X seconds and adds all the current scheduled services in an asyncio.Queue
2. a second background task processes the entries in the Queue and starts a task per service
  a. if the service is already under "observation" then it will skip this cycle
3. a third background task dealing with ensuring no `volumes removal services`
    remain in the system in case the director-v2:
    - is restarted before while the service is running
    - an error occurs while removing one such services
"""

import asyncio
import contextlib
import functools
import logging
from asyncio import Lock, Queue, Task, sleep
from dataclasses import dataclass, field

from fastapi import FastAPI
from models_library.basic_types import PortInt
from models_library.projects import ProjectID
from models_library.projects_networks import DockerNetworkAlias
from models_library.projects_nodes_io import NodeID
from models_library.service_settings_labels import RestartPolicy, SimcoreServiceLabels
from models_library.users import UserID
from pydantic import AnyHttpUrl
from servicelib.background_task import cancel_task
from servicelib.fastapi.long_running_tasks.client import ProgressCallback
from servicelib.fastapi.long_running_tasks.server import TaskProgress

from .....core.settings import DynamicServicesSchedulerSettings, DynamicSidecarSettings
from .....models.domains.dynamic_services import (
    DynamicServiceCreate,
    RetrieveDataOutEnveloped,
)
from .....models.schemas.dynamic_services import (
    RunningDynamicServiceDetails,
    SchedulerData,
    ServiceName,
)
from ...api_client import SidecarsClient, get_sidecars_client
from ...docker_api import update_scheduler_data_label
from ...errors import DynamicSidecarError, DynamicSidecarNotFoundError
from .._abc import SchedulerPublicInterface
from . import _scheduler_utils
from ._events_utils import (
    service_remove_containers,
    service_remove_sidecar_proxy_docker_networks_and_volumes,
    service_save_state,
)
from ._observer import observing_single_service

logger = logging.getLogger(__name__)


_DISABLED_MARK = object()


@dataclass
class Scheduler(  # pylint: disable=too-many-instance-attributes
    SchedulerPublicInterface
):
    app: FastAPI

    _lock: Lock = field(default_factory=Lock)
    _to_observe: dict[ServiceName, SchedulerData] = field(default_factory=dict)
    _service_observation_task: dict[ServiceName, asyncio.Task | object | None] = field(
        default_factory=dict
    )
    _keep_running: bool = False
    _inverse_search_mapping: dict[NodeID, ServiceName] = field(default_factory=dict)
    _scheduler_task: Task | None = None
    _cleanup_volume_removal_services_task: Task | None = None
    _trigger_observation_queue_task: Task | None = None
    _trigger_observation_queue: Queue = field(default_factory=Queue)
    _observation_counter: int = 0

    def toggle_observation(self, node_uuid: NodeID, disable: bool) -> bool:
        """
        returns True if it managed to enable/disable observation of the service

        raises DynamicSidecarNotFoundError
        """
        if node_uuid not in self._inverse_search_mapping:
            raise DynamicSidecarNotFoundError(node_uuid)
        service_name = self._inverse_search_mapping[node_uuid]

        service_task = self._service_observation_task.get(service_name)

        if isinstance(service_task, asyncio.Task):
            return False

        if disable:
            self._service_observation_task[service_name] = _DISABLED_MARK
        else:
            self._service_observation_task.pop(service_name, None)

        return True

    async def push_service_outputs(
        self,
        node_uuid: NodeID,
        progress_callback: ProgressCallback | None = None,
    ) -> None:
        await _scheduler_utils.push_service_outputs(
            self.app, node_uuid, progress_callback
        )

    def is_service_tracked(self, node_uuid: NodeID) -> bool:
        return node_uuid in self._inverse_search_mapping

    def get_scheduler_data(self, node_uuid: NodeID) -> SchedulerData:
        if node_uuid not in self._inverse_search_mapping:
            raise DynamicSidecarNotFoundError(node_uuid)
        service_name = self._inverse_search_mapping[node_uuid]
        return self._to_observe[service_name]

    async def is_service_awaiting_manual_intervention(self, node_uuid: NodeID) -> bool:
        """returns True if services is waiting for manual intervention"""
        return await _scheduler_utils.service_awaits_manual_interventions(
            self.get_scheduler_data(node_uuid)
        )

    async def remove_service_from_observation(self, node_uuid: NodeID) -> None:
        # TODO: this is used internally no need to be here exposed in the interface
        """
        directly invoked from RemoveMarkedService once it's finished
        and removes the service from the observation cycle
        """
        async with self._lock:
            if node_uuid not in self._inverse_search_mapping:
                raise DynamicSidecarNotFoundError(node_uuid)

            service_name = self._inverse_search_mapping[node_uuid]
            if service_name not in self._to_observe:
                logger.warning(
                    "Unexpected: '%s' not found in %s, but found in %s",
                    f"{service_name}",
                    f"{self._to_observe=}",
                    f"{self._inverse_search_mapping=}",
                )

            del self._inverse_search_mapping[node_uuid]
            self._to_observe.pop(service_name, None)

        logger.debug("Removed service '%s' from scheduler", service_name)

    async def get_stack_status(self, node_uuid: NodeID) -> RunningDynamicServiceDetails:
        """

        raises DynamicSidecarNotFoundError
        """
        if node_uuid not in self._inverse_search_mapping:
            raise DynamicSidecarNotFoundError(node_uuid)
        service_name = self._inverse_search_mapping[node_uuid]

        scheduler_data: SchedulerData = self._to_observe[service_name]
        return await _scheduler_utils.get_stack_status_from_scheduler_data(
            scheduler_data
        )
