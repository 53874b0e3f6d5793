# The async twins of the service clients the twenty-first session added
# (Async PRAW, zeep.AsyncClient, pymilvus' AsyncMilvusClient, weaviate's
# async client and collections, DSPy's acall) return coroutines: a call
# without await does nothing.
import asyncpraw
import dspy
import weaviate
import zeep
from pymilvus import AsyncMilvusClient


async def soap(wsdl, city):
    client = zeep.AsyncClient(wsdl)
    client.service.GetWeather(city)  # want: ASL102


async def milvus(client: AsyncMilvusClient, rows):
    client.insert(collection_name="docs", data=rows)  # want: ASL102


async def weaviate_insert(obj):
    client = weaviate.use_async_with_local()
    docs = client.collections.get("Docs")
    docs.data.insert(obj)  # want: ASL102


async def reddit_reply(submission_id, text):
    reddit = asyncpraw.Reddit(client_id="x", client_secret="y", user_agent="z")
    submission = await reddit.submission(submission_id)
    submission.reply(text)  # want: ASL102


async def predict(question):
    qa = dspy.Predict("question -> answer")
    qa.acall(question=question)  # want: ASL102


# Quiet: awaited.
async def awaited(client: AsyncMilvusClient, rows, question):
    await client.insert(collection_name="docs", data=rows)
    qa = dspy.Predict("question -> answer")
    return await qa.acall(question=question)
