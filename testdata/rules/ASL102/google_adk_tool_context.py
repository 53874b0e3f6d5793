from google.adk.agents.callback_context import CallbackContext
from google.adk.tools import ToolContext
from google.genai import types


async def generate_narrations(tool_context: ToolContext, scenes: list) -> dict:
    existing = tool_context.list_artifacts()  # want: ASL102 "coroutine `tool_context.list_artifacts\(\)` is never awaited: it is stored in `existing`"
    done = []
    for scene in scenes:
        name = f"scene_{scene}.mp3"
        if name in existing:
            continue
        tool_context.save_artifact(filename=name, artifact=types.Part(text=name))  # want: ASL102 "coroutine `tool_context.save_artifact\(\)` is never awaited"
        done.append(name)
    tool_context.state["generated"] = done
    return {"done": done}


async def remember(callback_context: CallbackContext) -> None:
    callback_context.add_session_to_memory()  # want: ASL102 "coroutine `callback_context.add_session_to_memory\(\)` is never awaited"


# Quiet: awaited, and the context's plain state and actions.
async def generate_awaited(tool_context: ToolContext, scenes: list) -> dict:
    existing = await tool_context.list_artifacts()
    done = [s for s in scenes if f"scene_{s}.mp3" not in existing]
    for name in done:
        await tool_context.save_artifact(filename=name, artifact=types.Part(text=name))
    found = await tool_context.search_memory("scenes")
    tool_context.state["generated"] = done
    tool_context.actions.skip_summarization = True
    return {"done": done, "memory": found}


async def load(callback_context: CallbackContext) -> None:
    part = await callback_context.load_artifact("prefs.json")
    callback_context.state["prefs"] = part
