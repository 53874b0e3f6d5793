# Inspect AI: get_model() returns a Model whose generate() is a coroutine
# function; a script that drives the model by hand must await it (or run it
# with asyncio.run from synchronous code).
import asyncio

from inspect_ai.model import ChatMessageUser, GenerateConfig, get_model


def judge_sync(prompt: str, model_name: str) -> str:
    if model_name:
        model = get_model(model_name, config=GenerateConfig(max_tokens=200))
    else:
        model = get_model("openai/gpt-4o")

    def ask(text: str) -> str:
        out = model.generate(input=[ChatMessageUser(content=text)])  # want: ASL102 "coroutine `model.generate\(\)` is never awaited"
        return out.completion

    return ask(prompt)


async def judge_async(prompt: str) -> str:
    model = get_model("anthropic/claude-haiku-4-5")
    model.generate(prompt)  # want: ASL102
    return ""


# Quiet: awaited, run to completion with asyncio.run, or another object's
# generate.
async def judge_awaited(prompt: str) -> str:
    model = get_model("openai/gpt-4o")
    out = await model.generate(prompt)
    return out.completion


def judge_run(prompt: str) -> str:
    model = get_model("openai/gpt-4o")
    out = asyncio.run(model.generate(input=prompt))
    return out.completion


class Templater:
    def generate(self, prompt: str) -> str:
        return prompt.upper()


def render(templater: Templater, prompt: str) -> str:
    out = templater.generate(prompt)
    return out
