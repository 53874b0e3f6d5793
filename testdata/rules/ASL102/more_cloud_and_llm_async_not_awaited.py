# The async twins of the clients the library coverage audit added
# (pylib/cloud_clients_more.go, pylib/llm_frameworks_more.go): a call
# without await does nothing. The sync clients' methods of the same names
# are not ASL102.
from azure.cosmos.aio import CosmosClient
from kubernetes_asyncio import client as k8s
from kubernetes_asyncio import config
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from llama_index.core import VectorStoreIndex


async def pods():
    config.load_kube_config()  # want: ASL102
    v1 = k8s.CoreV1Api()
    v1.delete_namespaced_pod("p", "default")  # want: ASL102
    return await v1.list_namespaced_pod("default")


async def save(doc):
    async with CosmosClient("https://acct", credential="k") as cosmos:
        container = cosmos.get_database_client("app").get_container_client("items")
        container.upsert_item(doc)  # want: ASL102
        return await container.read_item(item=doc["id"], partition_key=doc["id"])


async def ask(prompt):
    llm = ChatOpenAI(model="gpt-4o")
    reply = llm.ainvoke(prompt)  # want: ASL102
    return reply.content


async def embed(texts):
    emb = OpenAIEmbeddings()
    emb.aembed_documents(texts)  # want: ASL102


async def rag(index: VectorStoreIndex, q):
    engine = index.as_query_engine()
    answer = engine.aquery(q)  # want: ASL102
    return str(answer)


# InfluxDB 2's async client.
from influxdb_client.client.influxdb_client_async import InfluxDBClientAsync


async def store(point):
    async with InfluxDBClientAsync(url="http://influx", token="t", org="o") as client:
        client.write_api().write(bucket="b", record=point)  # want: ASL102
        return await client.query_api().query("from(bucket: \"b\")")
