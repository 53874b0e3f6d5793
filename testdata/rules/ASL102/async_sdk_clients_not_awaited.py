# The async twins of web-service clients return coroutines: a call without
# await does nothing.
import stripe
from elasticsearch import AsyncElasticsearch
from google import genai
from groq import AsyncGroq
from ollama import AsyncClient
from slack_sdk.web.async_client import AsyncWebClient
from telebot.async_telebot import AsyncTeleBot

es = AsyncElasticsearch("http://localhost:9200")
bot = AsyncTeleBot("token")


async def index(doc):
    es.index(index="docs", document=doc)  # want: ASL102


async def index_awaited(doc):
    await es.index(index="docs", document=doc)


async def ask(prompt):
    client = AsyncClient()
    reply = client.chat(model="llama3", messages=[{"role": "user", "content": prompt}])  # want: ASL102
    return reply["message"]


async def ask_groq():
    client = AsyncGroq()
    return await client.chat.completions.create(model="m", messages=[])


async def ask_gemini(prompt):
    client = genai.Client()
    answer = client.aio.models.generate_content(model="gemini-2.0-flash", contents=prompt)  # want: ASL102
    return answer.text


async def notify(text):
    slack = AsyncWebClient(token="x")
    slack.chat_postMessage(channel="#ops", text=text)  # want: ASL102


async def greet(chat_id):
    bot.send_message(chat_id, "hello")  # want: ASL102


async def charge(amount):
    intent = stripe.PaymentIntent.create_async(amount=amount, currency="eur")  # want: ASL102
    return intent.id


async def tavily_search(query):
    from tavily import AsyncTavilyClient

    client = AsyncTavilyClient(api_key="x")
    return client.search(query=query)  # want: ASL102


async def hf_inference_not_awaited(prompt):
    from huggingface_hub import AsyncInferenceClient

    client = AsyncInferenceClient("some/model")
    reply = client.text_generation(prompt)  # want: ASL102
    return reply
