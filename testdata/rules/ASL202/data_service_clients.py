# Sync clients of data services called from coroutines (pylib/data_services.go):
# vector and graph databases, object storage, sheets, brokers, hosted models.
# Each call is a network round trip on the loop; the async twin, a thread, or
# a sync function is quiet, and so are local handles (a bucket's blob, an
# index object) until a method talks to the service.
import asyncio
import os

import dropbox
import gspread
import replicate
from azure.storage.blob import BlobServiceClient
from cassandra.cluster import Cluster
from chromadb import HttpClient
from google.cloud import storage
from kafka import KafkaProducer
from minio import Minio
from neo4j import AsyncGraphDatabase, GraphDatabase
from notion_client import AsyncClient, Client
from pinecone import Pinecone
from playwright.sync_api import sync_playwright
from qdrant_client import AsyncQdrantClient, QdrantClient

qdrant = QdrantClient(url="http://localhost:6333")
gcs = storage.Client()
driver = GraphDatabase.driver("bolt://localhost:7687", auth=("neo4j", "x"))


async def retrieve(vector):
    return qdrant.query_points("docs", query=vector, limit=5)  # want: ASL202 "`qdrant\.query_points\(\)` \(qdrant_client\.QdrantClient\.query_points\) blocks the event loop"


async def remember(points):
    client = QdrantClient(host="qdrant")
    client.upsert(collection_name="docs", points=points)  # want: ASL202 "AsyncQdrantClient"


async def similar(text):
    chroma = HttpClient(host="chroma")
    collection = chroma.get_or_create_collection("notes")  # want: ASL202
    return collection.query(query_texts=[text], n_results=3)  # want: ASL202 "chromadb\.Collection\.query"


async def nearest(vector):
    index = Pinecone(api_key="x").Index("docs")
    return index.query(vector=vector, top_k=3)  # want: ASL202 "pinecone\.Index\.query"


async def friends(name):
    records, _, _ = driver.execute_query("MATCH (p {name: $name})--(f) RETURN f", name=name)  # want: ASL202 "neo4j\.Driver\.execute_query"
    return records


async def save_report(data: bytes):
    bucket = gcs.bucket("reports")
    blob = bucket.blob("latest.pdf")
    blob.upload_from_string(data)  # want: ASL202 "google\.cloud\.storage\.Blob\.upload_from_string"


async def archive(data: bytes):
    service = BlobServiceClient.from_connection_string(os.environ["AZURE"])
    blob = service.get_blob_client("archive", "latest")
    blob.upload_blob(data, overwrite=True)  # want: ASL202 "azure\.storage\.blob\.BlobClient\.upload_blob"


async def stash(data):
    Minio("minio:9000").put_object("bucket", "key", data, len(data))  # want: ASL202


async def publish(event):
    producer = KafkaProducer(bootstrap_servers="kafka:9092")
    producer.send("events", event)  # want: ASL202 "aiokafka"
    producer.flush()  # want: ASL202


async def note(page_id):
    notion = Client(auth="x")
    return notion.pages.retrieve(page_id=page_id)  # want: ASL202 "notion_client\.Client\.pages\.retrieve"


async def sheet_rows():
    sheet = gspread.service_account().open_by_key("key")  # want: ASL202
    return sheet.worksheet("Data").get_all_records()  # want: ASL202 "gspread\.Worksheet\.get_all_records"


async def caption(url):
    return replicate.run("model", input={"image": url})  # want: ASL202 "replicate\.async_run"


async def upload(path, data):
    dropbox.Dropbox("token").files_upload(data, path)  # want: ASL202


async def count_rows():
    session = Cluster(["cassandra"]).connect()  # want: ASL202
    return session.execute("SELECT count(*) FROM t")  # want: ASL202


async def screenshot(url):
    with sync_playwright() as p:  # want: ASL202 "raises inside a running asyncio loop"
        p.chromium.launch()


# Quiet: async twins awaited, sync clients in a thread or in sync code,
# local handles that talk to nothing.
async def retrieve_async(vector):
    client = AsyncQdrantClient(url="http://qdrant")
    return await client.query_points("docs", query=vector)


async def retrieve_in_thread(vector):
    return await asyncio.to_thread(qdrant.query_points, "docs", query=vector)


async def handles_only():
    blob = gcs.bucket("reports").blob("x")
    index = Pinecone(api_key="x").Index("docs")
    return blob, index


async def friends_async(name):
    adriver = AsyncGraphDatabase.driver("bolt://db")
    records, _, _ = await adriver.execute_query("MATCH (p) RETURN p")
    async with adriver.session() as session:
        await session.run("RETURN 1")
    return records


async def note_async(page_id):
    return await AsyncClient(auth="x").pages.retrieve(page_id=page_id)


async def caption_async(url):
    return await replicate.async_run("model", input={"image": url})


def sync_report(data: bytes):
    gcs.bucket("reports").blob("latest.pdf").upload_from_string(data)
    qdrant.upsert(collection_name="docs", points=[])
