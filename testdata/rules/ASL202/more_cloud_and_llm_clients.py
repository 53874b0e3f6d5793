# Cloud, infrastructure and LLM-framework clients the library coverage audit
# added (pylib/cloud_clients_more.go, pylib/llm_frameworks_more.go): boto3
# resources, the Kubernetes client's typed APIs, Azure Cosmos DB, BigQuery,
# Pub/Sub, pymemcache, LangChain chat and embedding models, LlamaIndex
# engines and LLMs. Their sync calls block the loop; builders, lazy pagers
# and the async twins do not.
import asyncio

import boto3
from azure.cosmos import CosmosClient
from google.cloud import bigquery, pubsub_v1
from kubernetes import client as k8s
from langchain_anthropic import ChatAnthropic
from langchain_openai import OpenAIEmbeddings
from llama_index.core import VectorStoreIndex
from llama_index.llms.openai import OpenAI as LlamaOpenAI
from pymemcache.client.base import Client as MemcacheClient

dynamodb = boto3.resource("dynamodb")
users = dynamodb.Table("users")
cosmos = CosmosClient("https://acct", credential="k")
container = cosmos.get_database_client("app").get_container_client("items")
mc = MemcacheClient(("localhost", 11211))


async def get_user(uid):
    return users.get_item(Key={"id": uid})  # want: ASL202 "aioboto3"


async def get_user_offloaded(uid):
    return await asyncio.to_thread(users.get_item, Key={"id": uid})


async def upload(path):
    s3 = boto3.resource("s3")
    s3.Bucket("b").upload_file(path, "k")  # want: ASL202


async def pods():
    v1 = k8s.CoreV1Api()
    return v1.list_namespaced_pod("default")  # want: ASL202


# async_req=True: the request runs in the ApiClient's thread pool, the call
# returns at once (its .get() waits); False or a variable still waits here.
async def pods_in_thread(wait):
    v1 = k8s.CoreV1Api()
    thread = v1.list_namespaced_pod("default", async_req=True)
    v1.list_namespaced_pod("default", async_req=False)  # want: ASL202 "\(and 1 more call in `pods_in_thread`: line 50\)"
    v1.list_namespaced_pod("default", async_req=wait)  # reported: named by line 49's finding
    return thread


async def item(item_id):
    return container.read_item(item=item_id, partition_key=item_id)  # want: ASL202


async def items_pager(q):
    return container.query_items(query=q, enable_cross_partition_query=True)


async def items_iterated(q):
    return [i for i in container.query_items(query=q)]  # want: ASL202


async def report(sql):
    bq = bigquery.Client()
    job = bq.query(sql)  # want: ASL202
    return job.result()  # want: ASL202


async def publish(data):
    publisher = pubsub_v1.PublisherClient()
    future = publisher.publish("projects/p/topics/t", data)
    return future.result()  # want: ASL202


async def cached(key):
    return mc.get(key)  # want: ASL202


async def ask(prompt):
    llm = ChatAnthropic(model="claude")
    reply = llm.invoke(prompt)  # want: ASL202
    return reply, await llm.ainvoke(prompt)


async def embed(text):
    emb = OpenAIEmbeddings()
    vec = emb.embed_query(text)  # want: ASL202
    return vec, await emb.aembed_query(text)


async def rag(docs, q):
    index = VectorStoreIndex.from_documents(docs)  # want: ASL202
    engine = index.as_query_engine()
    answer = engine.query(q)  # want: ASL202
    return answer, await engine.aquery(q)


async def complete(prompt):
    llm = LlamaOpenAI(model="gpt-4o")
    return llm.complete(prompt)  # want: ASL202


# InfluxDB 2: the sync client's queries block; a write with the default
# (batching) options only queues.
from influxdb_client import InfluxDBClient


async def measurements(flux):
    client = InfluxDBClient(url="http://influx", token="t", org="o")
    client.write_api().write("bucket", record="m v=1")
    return client.query_api().query(flux)  # want: ASL202
