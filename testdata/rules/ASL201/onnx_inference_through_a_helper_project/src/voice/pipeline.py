from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voice.vad import SileroVAD


class VoicePipeline:
    def __init__(self, vad: SileroVAD) -> None:
        self._vad = vad

    async def feed_frame(self, frame):
        return self._vad.process_frame(frame)  # want: ASL201 "self._session.run()"

    # Quiet: offloaded to a thread.
    async def feed_frame_offloaded(self, frame):
        return await asyncio.to_thread(self._vad.process_frame, frame)

    # Quiet: a method of the helper that runs no model.
    async def threshold(self):
        return self._vad.threshold()

    # Quiet: a plain method (called from the capture thread).
    def feed_frame_sync(self, frame):
        return self._vad.process_frame(frame)
