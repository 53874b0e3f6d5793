from google.adk.artifacts import InMemoryArtifactService
from google.adk.memory import InMemoryMemoryService
from google.adk.runners import InMemoryRunner, Runner
from google.adk.sessions import InMemorySessionService


async def demo(agent) -> None:
    session_service = InMemorySessionService()
    session = await session_service.create_session(app_name="demo", user_id="u1", session_id="s1")
    runner = Runner(agent=agent, app_name="demo", session_service=session_service)
    async for event in runner.run_async(user_id="u1", session_id="s1", new_message=None):
        print(event)
    session.state["topic"] = "x"
    second = session_service.create_session(app_name="demo", user_id="u1", session_id="s2")  # want: ASL102 "coroutine `session_service.create_session\(\)` is never awaited: it is stored in `second` and its attribute `state` is read"
    print(second.state)


async def forget(memory: InMemoryMemoryService, artifacts: InMemoryArtifactService, session) -> None:
    memory.add_session_to_memory(session)  # want: ASL102 "coroutine `memory.add_session_to_memory\(\)` is never awaited"
    keys = artifacts.list_artifact_keys(app_name="demo", user_id="u1", session_id="s1")  # want: ASL102 "coroutine `artifacts.list_artifact_keys\(\)` is never awaited"
    for key in keys:
        print(key)


# Quiet: awaited, and the in-memory service's synchronous twins.
async def demo_awaited() -> None:
    session_service = InMemorySessionService()
    first = await session_service.create_session(app_name="demo", user_id="u1")
    again = await session_service.get_session(app_name="demo", user_id="u1", session_id=first.id)
    print(again.state)


def demo_sync() -> None:
    session_service = InMemorySessionService()
    session = session_service.create_session_sync(app_name="demo", user_id="u1")
    print(session.state)


# A Runner keeps its services: InMemoryRunner builds in-memory ones, a Runner
# holds the ones it was given (google/adk-docs' callback examples).
async def runner_services(agent, my_sessions) -> None:
    runner = InMemoryRunner(agent=agent, app_name="demo")
    session_service = runner.session_service
    session_service.create_session(app_name="demo", user_id="u1", session_id="s1")  # want: ASL102 "coroutine `session_service.create_session\(\)` is never awaited: its result is discarded"
    keys = runner.artifact_service.list_artifact_keys(app_name="demo", user_id="u1", session_id="s1")  # want: ASL102
    print(len(keys))
    plain = Runner(agent=agent, app_name="demo", session_service=my_sessions)
    plain.session_service.get_session(app_name="demo", user_id="u1", session_id="s1")  # want: ASL102


# Quiet: the runner's services awaited, and its own synchronous attributes.
async def runner_services_awaited(agent) -> None:
    runner = InMemoryRunner(agent=agent, app_name="demo")
    await runner.session_service.create_session(app_name="demo", user_id="u1", session_id="s1")
    session = await runner.session_service.get_session(app_name="demo", user_id="u1", session_id="s1")
    print(session.state, runner.app_name)
