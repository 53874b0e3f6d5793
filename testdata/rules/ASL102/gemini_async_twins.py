# Gemini's async twins are coroutine functions: google-generativeai's
# generate_content_async / send_message_async and google-genai's client.aio.
import google.generativeai as genai
from google import genai as google_genai


class Provider:
    def __init__(self):
        self.model = genai.GenerativeModel("gemini-1.5-flash")

    async def generate(self, prompt):
        response = self.model.generate_content_async(prompt)  # want: ASL102 "coroutine `self\.model\.generate_content_async\(\)` is never awaited"
        return response.text

    async def generate_awaited(self, prompt):
        # Quiet: awaited.
        response = await self.model.generate_content_async(prompt)
        return response.text

    async def chat(self, prompt):
        session = self.model.start_chat()
        session.send_message_async(prompt)  # want: ASL102


async def ask(prompt):
    client = google_genai.Client()
    reply = client.aio.models.generate_content(model="gemini-2.0-flash", contents=prompt)  # want: ASL102
    return reply.text


async def ask_awaited(prompt):
    # Quiet: awaited.
    client = google_genai.Client()
    reply = await client.aio.models.generate_content(model="gemini-2.0-flash", contents=prompt)
    return reply.text


def ask_sync(prompt):
    # Quiet: the synchronous method returns the response itself.
    client = google_genai.Client()
    return client.models.generate_content(model="gemini-2.0-flash", contents=prompt).text
