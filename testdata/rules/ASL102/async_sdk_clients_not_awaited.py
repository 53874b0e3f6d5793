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


async def vector_search_not_awaited(vector):
    from qdrant_client import AsyncQdrantClient

    client = AsyncQdrantClient(url="http://qdrant")
    hits = client.query_points("docs", query=vector)  # want: ASL102
    return hits.points


async def graph_query_not_awaited():
    from neo4j import AsyncGraphDatabase

    driver = AsyncGraphDatabase.driver("bolt://db")
    driver.verify_connectivity()  # want: ASL102


async def notion_page_not_awaited(page_id):
    from notion_client import AsyncClient

    page = AsyncClient(auth="x").pages.retrieve(page_id=page_id)  # want: ASL102
    return page["properties"]


async def prediction_not_awaited(url):
    import replicate

    output = replicate.async_run("model", input={"image": url})  # want: ASL102
    return output[0]
