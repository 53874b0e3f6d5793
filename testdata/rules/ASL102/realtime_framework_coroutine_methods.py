# Coroutine methods of realtime and agent frameworks, on objects their
# constructors build: python-socketio's AsyncServer (enter_room/leave_room
# are coroutines since 5.10), LiveKit Agents' AgentSession.start, Pipecat's
# PipelineTask.cancel (not asyncio.Task.cancel) and PipelineRunner.run.
import asyncio

import socketio
from livekit.agents.voice import AgentSession
from pipecat.pipeline.runner import PipelineRunner
from pipecat.pipeline.task import PipelineTask

sio = socketio.AsyncServer(async_mode="asgi")
pipeline_task = None


@sio.event
async def join(sid, data):
    sio.enter_room(sid, data["room"])  # want: ASL102 "coroutine `sio.enter_room\(\)` is never awaited"
    await sio.emit("joined", {"room": data["room"]}, room=sid)


@sio.event
async def leave(sid, data):
    await sio.leave_room(sid, data["room"])
    sio.emit("left", {"room": data["room"]})  # want: ASL102 "coroutine `sio.emit\(\)` is never awaited"


async def entrypoint(ctx, agent):
    session = AgentSession(stt=None, llm=None, tts=None)
    session.start(room=ctx.room, agent=agent)  # want: ASL102 "coroutine `session.start\(\)` is never awaited"
    session.say("ready")


async def main(pipeline):
    global pipeline_task
    pipeline_task = PipelineTask(pipeline)
    runner = PipelineRunner(handle_sigint=False)
    await runner.run(pipeline_task)


async def shutdown():
    if pipeline_task:
        pipeline_task.cancel()  # want: ASL102 "coroutine `pipeline_task.cancel\(\)` is never awaited"


# Quiet: awaited; an asyncio task's cancel() is a plain method; say() returns a handle.
async def shutdown_awaited():
    if pipeline_task:
        await pipeline_task.cancel()


async def cancel_worker():
    worker = asyncio.create_task(asyncio.sleep(10))
    worker.cancel()
    try:
        await worker
    except asyncio.CancelledError:
        pass


async def entrypoint_awaited(ctx, agent):
    session = AgentSession(stt=None, llm=None, tts=None)
    await session.start(room=ctx.room, agent=agent)
    session.say("ready")
