# An optional dependency: the import in a try and `name = None` in its
# `except ImportError:` handler. None has no attributes and cannot be called,
# so a use that calls something on the name runs with the import
# (Glad-Labs/poindexter's LLM client, `self.model = genai.GenerativeModel(...)`
# under `try: import google.generativeai as genai` / `except ImportError:
# genai = None`, then `self.model.generate_content(prompt)` on the loop).
try:
    import google.generativeai as genai
except ImportError:
    genai = None

try:
    from google.generativeai import GenerativeModel
except ModuleNotFoundError:
    GenerativeModel = None


class Client:
    def __init__(self, name):
        self.model = None
        if genai:
            self.model = genai.GenerativeModel(name)

    async def generate(self, prompt):
        return self.model.generate_content(prompt).text  # want: ASL202 "\(google\.generativeai\.GenerativeModel\.generate_content\) blocks the event loop in async function `generate`"


async def once(prompt):
    return GenerativeModel("m").generate_content(prompt)  # want: ASL202


# Quiet: the async twin, awaited; the request in a worker thread; a fallback
# that is another value than None keeps the name unresolved as before.
class AsyncClient:
    def __init__(self, name):
        self.model = genai.GenerativeModel(name) if genai else None

    async def generate(self, prompt):
        return (await self.model.generate_content_async(prompt)).text


async def offloaded(prompt):
    import asyncio

    model = genai.GenerativeModel("m")
    return await asyncio.to_thread(model.generate_content, prompt)


try:
    import google.generativeai as gai2
except ImportError:
    gai2 = object()


async def fallback_object(prompt):
    return gai2.GenerativeModel("m").generate_content(prompt)
