# Sync clients of web services (MongoDB, AWS, Elasticsearch, Slack, LLM APIs,
# Stripe, SSH, RabbitMQ) block the loop for a round trip; their query
# builders and local helpers do not.
import asyncio

import boto3
import ollama
import paramiko
import pika
import stripe
from elasticsearch import Elasticsearch
from google import genai
from groq import Groq
from pymongo import MongoClient
from slack_sdk import WebClient

mongo = MongoClient("mongodb://localhost")
users = mongo.app.users
s3 = boto3.client("s3")
es = Elasticsearch("http://localhost:9200")
slack = WebClient(token="x")


async def get_user(user_id):
    return users.find_one({"_id": user_id})  # want: ASL202


async def count(db_name):
    return mongo[db_name]["events"].count_documents({})  # want: ASL202


async def cursor_only():
    return users.find({"active": True})  # builds a cursor: no round trip yet


async def upload(key, body):
    s3.put_object(Bucket="b", Key=key, Body=body)  # want: ASL202
    return s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": key})


async def offloaded(key, body):
    await asyncio.to_thread(s3.put_object, Bucket="b", Key=key, Body=body)


async def search(q):
    return es.search(index="docs", query=q)  # want: ASL202


async def notify(text):
    slack.chat_postMessage(channel="#ops", text=text)  # want: ASL202


async def ask(prompt):
    return ollama.chat(model="llama3", messages=[{"role": "user", "content": prompt}])  # want: ASL202


async def ask_groq(prompt):
    client = Groq()
    return client.chat.completions.create(model="m", messages=[])  # want: ASL202


async def ask_gemini(prompt):
    client = genai.Client()
    return client.models.generate_content(model="gemini-2.0-flash", contents=prompt)  # want: ASL202


async def charge(amount):
    return stripe.PaymentIntent.create(amount=amount, currency="eur")  # want: ASL202


async def run_remote(host):
    ssh = paramiko.SSHClient()
    ssh.connect(host)  # want: ASL202


async def publish(body):
    conn = pika.BlockingConnection(pika.ConnectionParameters("localhost"))  # want: ASL202
    ch = conn.channel()  # want: ASL202
    ch.basic_publish(exchange="", routing_key="q", body=body)  # want: ASL202


def sync_job(user_id):
    return users.find_one({"_id": user_id})  # a sync function: not ASL202's
