"""Low-latency WebRTC runtime for the standalone interactive world frontend.

The offline Studio run contract is intentionally not used after session setup.
One model context stays resident on one execution thread, sparse input edges are
resampled at chunk boundaries, and decoded RGB frames move through a bounded
in-memory queue into one long-lived WebRTC video track.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import os
import re
import time
import traceback
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import quote

import numpy as np
from PIL import Image

from worldfoundry.core.realtime import RealtimeSpec
from worldfoundry.studio.catalog import CatalogEntry
from worldfoundry.studio.execution import (
    PreparedInputs,
    StudioManager,
    _normalize_frame_list,
    _to_uint8_rgb,
)
from worldfoundry.studio.launch_config import StudioLaunchConfig


def _env_int(name: str, default: int, *, minimum: int = 1) -> int:
    try:
        return max(int(os.getenv(name, str(default)) or default), minimum)
    except Exception:
        return max(default, minimum)


class RealtimePeerManager:
    def __init__(
        self,
        *,
        runtime: ResidentWorldRuntime,
        fps: int,
        chunk_frames: int,
        ice_servers: list[dict[str, Any]] | None = None,
    ) -> None:
        self.runtime = runtime
        self.fps = fps
        self.chunk_frames = chunk_frames
        self.ice_servers = list(ice_servers or [])
        self._active: _ActivePeer | None = None
        self._active_socket: _ActiveSocket | None = None
        self._lock = asyncio.Lock()
        self._draining = False
        self._drain_done = asyncio.Event()
        self._drain_done.set()

    @property
    def active(self) -> bool:
        return bool(
            self._draining
            or
            (self._active and not self._active.closed)
            or (self._active_socket and not self._active_socket.closed)
        )

    @property
    def draining(self) -> bool:
        return self._draining

    async def close_active(self) -> None:
        async with self._lock:
            active = self._active
            self._active = None
            active_socket = self._active_socket
            self._active_socket = None
            has_session = not (
                (active is None or active.closed)
                and (active_socket is None or active_socket.closed)
            )
            if has_session:
                self._draining = True
                self._drain_done.clear()
            wait_for_drain = self._draining and not has_session
        if wait_for_drain:
            await self._drain_done.wait()
            return
        if not has_session:
            return
        current_task = asyncio.current_task()
        try:
            if active is not None and not active.closed:
                active.closed = True
                tasks = (active.generation_task, active.liveness_task, active.input_task)
                for task in tasks:
                    if task is not None and task is not current_task:
                        task.cancel()
                await asyncio.gather(
                    *(task for task in tasks if task is not None and task is not current_task),
                    return_exceptions=True,
                )
                active.frames.close()
                await active.peer.close()
            if active_socket is not None and not active_socket.closed:
                active_socket.closed = True
                tasks = (
                    active_socket.generation_task,
                    active_socket.sender_task,
                    active_socket.liveness_task,
                )
                for task in tasks:
                    if task is not None and task is not current_task:
                        task.cancel()
                await asyncio.gather(
                    *(task for task in tasks if task is not None and task is not current_task),
                    return_exceptions=True,
                )
                if not active_socket.socket.closed:
                    await active_socket.socket.close()
        finally:
            try:
                await self.runtime.reset()
            finally:
                async with self._lock:
                    self._draining = False
                    self._drain_done.set()

    async def create_answer(self, *, offer: Mapping[str, Any], session: Mapping[str, Any]) -> dict[str, str]:
        from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription

        if self.runtime.queued_segment_generation:
            raise RuntimeError(
                "Queued segment generation uses the same-origin WebSocket transport; "
                "WebRTC/ICE is intentionally bypassed."
            )
        async with self._lock:
            if self.active:
                raise RuntimeError("A realtime world session is already active.")

            base_prompt = str(session.get("prompt") or self.runtime.entry.default_prompt or "")
            text_events = normalize_text_events(
                session.get("text_events", session.get("event_catalog"))
            )
            output_resolution = _new_output_resolution_state(
                self.runtime.entry,
                session.get("output_resolution"),
            )
            await self.runtime.configure(
                prompt=base_prompt,
                image_path=str(session.get("init_image_path") or ""),
                video_path=str(session.get("init_video_path") or ""),
                dense_video_path=str(session.get("dense_video_path") or ""),
                sparse_video_path=str(session.get("sparse_video_path") or ""),
            )
            self.fps = self.runtime.realtime_spec.fps
            frames = LatestFrameBuffer(
                maxsize=_env_int(
                    "WORLDFOUNDRY_REALTIME_FRAME_QUEUE",
                    max(self.runtime.steady_chunk_frames(self.chunk_frames), 8),
                ),
                backpressure_ms=_env_int(
                    "WORLDFOUNDRY_REALTIME_BACKPRESSURE_MS",
                    max(
                        int(self.runtime.steady_chunk_frames(self.chunk_frames) * 500 / self.fps),
                        50,
                    ),
                ),
            )
            rtc_configuration = RTCConfiguration(
                iceServers=[
                    RTCIceServer(
                        urls=server["urls"],
                        username=server.get("username"),
                        credential=server.get("credential"),
                    )
                    for server in self.ice_servers
                ]
            )
            pc = RTCPeerConnection(rtc_configuration)
            track = _build_video_track(
                frames=frames,
                fps=self.fps,
            )
            pc.addTrack(track)
            loop = asyncio.get_running_loop()
            active = _ActivePeer(
                peer=pc,
                channel=None,
                frames=frames,
                resampler=RealtimeControlResampler(fps=self.fps, start_time=loop.time()),
                last_client_message_at=loop.time(),
                prompt_scheduled="prompt_update" in self.runtime.realtime_spec.controls,
                initial_segment_pending=(
                    "prompt_update" in self.runtime.realtime_spec.controls
                ),
                base_prompt=base_prompt,
                text_events=text_events,
                catalog_revision=1 if text_events else 0,
                text_events_supported=self.runtime.supports_text_events,
                output_resolution=output_resolution,
            )
            self._active = active

            @pc.on("datachannel")
            def on_datachannel(channel: Any) -> None:
                active.channel = channel
                channel_open_time = asyncio.get_running_loop().time()
                active.last_client_message_at = channel_open_time
                active.resampler.reset(start_time=channel_open_time)

                @channel.on("message")
                def on_message(raw: Any) -> None:
                    active.input_messages.put_nowait(raw)

                @channel.on("close")
                def on_close() -> None:
                    asyncio.create_task(self.close_active())

                active.generation_task = asyncio.create_task(self._generation_worker(active))
                active.liveness_task = asyncio.create_task(self._liveness_watchdog(active))
                active.input_task = asyncio.create_task(self._input_worker(active))
                if active.prompt_scheduled:
                    # Start the first native AR segment immediately. Subsequent
                    # segments are triggered by explicit prompt updates.
                    active.first_action.set()
                self._send(
                    channel,
                    {
                        "type": "ready",
                        "fps": self.fps,
                        "event_catalog": active.text_events,
                        "catalog_revision": active.catalog_revision,
                        "active_event_id": active.active_event_id,
                        "resolution": active.output_resolution.to_payload(),
                        "resolution_revision": active.output_resolution.revision,
                    },
                )

            @pc.on("connectionstatechange")
            async def on_connectionstatechange() -> None:
                if pc.connectionState in {"failed", "closed", "disconnected"}:
                    await self.close_active()

            try:
                await pc.setRemoteDescription(
                    RTCSessionDescription(sdp=str(offer["sdp"]), type=str(offer["type"]))
                )
                answer = await pc.createAnswer()
                await pc.setLocalDescription(answer)
                await _wait_for_ice_gathering(pc)
                return {"sdp": pc.localDescription.sdp, "type": pc.localDescription.type}
            except Exception:
                active.closed = True
                self._active = None
                active.frames.close()
                await pc.close()
                await self.runtime.reset()
                raise
