# openai-python before 1.0: the module-level resource classes'
# `create` sends one HTTPS request (with requests) and waits for the model,
# often for seconds; `acreate` is the async twin.
import asyncio

import openai
from openai import ChatCompletion


async def generate_completion_response(prompt):
    response = openai.Completion.create(engine="text-davinci-003", prompt=prompt)  # want: ASL202 "openai\.Completion\.create"
    return response.choices[0].text


async def chat(messages):
    return ChatCompletion.create(model="gpt-3.5-turbo", messages=messages)  # want: ASL202


async def embed(text):
    return openai.Embedding.create(model="text-embedding-ada-002", input=text)  # want: ASL202


# Quiet: the async twin, a worker thread, or synchronous code.
async def chat_async(messages):
    return await openai.ChatCompletion.acreate(model="gpt-3.5-turbo", messages=messages)


async def chat_in_thread(messages):
    return await asyncio.to_thread(openai.ChatCompletion.create, model="gpt-3.5-turbo", messages=messages)


def chat_sync(messages):
    return openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=messages)


# Quiet: other resources of the module are not recorded (a list of models,
# a file upload).
async def models():
    return openai.Model.list()
