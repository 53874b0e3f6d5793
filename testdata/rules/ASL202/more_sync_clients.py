# Sync clients the library coverage audit added (pylib/sync_clients_more.go):
# Selenium, websocket-client, websockets.sync, requests.Session subclasses,
# curl_cffi, Discord's SyncWebhook, Confluent's Kafka client, kafka-python's
# send futures, paho-mqtt's loops and helpers, the Firebase Admin SDK. Each
# blocks the loop for a round trip; local builders, zero timeouts and the
# async twins do not.
import asyncio

import cloudscraper
import discord
import paho.mqtt.client as mqtt
import paho.mqtt.publish as publish
import undetected_chromedriver as uc
import websocket
from confluent_kafka import Consumer, Producer
from curl_cffi import requests as curl_requests
from firebase_admin import auth, db, messaging
from kafka import KafkaProducer
from requests_oauthlib import OAuth2Session
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from websockets.sync.client import connect as sync_connect


async def scrape(url):
    driver = webdriver.Chrome()  # want: ASL202
    driver.get(url)  # want: ASL202
    button = driver.find_element(By.ID, "go")  # want: ASL202
    button.click()  # want: ASL202
    WebDriverWait(driver, 10).until(lambda d: d.title)  # want: ASL202
    driver.quit()  # want: ASL202


async def scrape_undetected(url):
    driver = uc.Chrome()  # want: ASL202 "Selenium"
    driver.get(url)  # want: ASL202


def scrape_sync(url):
    driver = webdriver.Firefox()
    driver.get(url)
    return driver.page_source


async def scrape_in_thread(url):
    return await asyncio.to_thread(scrape_sync, url)


async def ws_client(url):
    ws = websocket.create_connection(url)  # want: ASL202
    ws.send("hello")  # want: ASL202
    return ws.recv()  # want: ASL202


async def ws_sync(url):
    with sync_connect(url) as ws:  # want: ASL202
        ws.send("hi")  # want: ASL202
        ready = ws.recv(timeout=0)
        return ready, ws.recv()  # want: ASL202


async def oauth(url, token):
    session = OAuth2Session("client-id", token=token)
    session.fetch_token(url, client_secret="s")  # want: ASL202
    return session.get("https://api.example.com/me")  # want: ASYNC210


async def scraper(url):
    s = cloudscraper.create_scraper()
    return s.get(url)  # want: ASYNC210


async def curl(url):
    r = curl_requests.get(url, impersonate="chrome")  # want: ASL202
    async with curl_requests.AsyncSession() as s:
        r2 = await s.get(url)
    return r, r2


async def hook(url, text):
    webhook = discord.SyncWebhook.from_url(url)
    webhook.send(text)  # want: ASL202


async def produce(topic, value):
    p = Producer({"bootstrap.servers": "k"})
    p.produce(topic, value)
    p.poll(0)
    p.flush()  # want: ASL202


async def consume():
    c = Consumer({"group.id": "g"})
    return c.poll(1.0)  # want: ASL202


async def send_and_wait(topic, value):
    producer = KafkaProducer()
    future = producer.send(topic, value)  # want: ASL202
    return future.get(timeout=10)  # want: ASL202


async def mqtt_forever():
    client = mqtt.Client()
    client.loop_start()
    client.loop_forever()  # want: ASL202


async def mqtt_once(payload):
    publish.single("t", payload, hostname="broker")  # want: ASL202


async def notify(token, title):
    msg = messaging.Message(token=token, data={"t": title})
    messaging.send(msg)  # want: ASL202
    await messaging.send_each_async([msg])


async def lookup_user(uid):
    return auth.get_user(uid)  # want: ASL202


async def read_score(uid):
    ref = db.reference("scores").child(uid)
    return ref.get()  # want: ASL202
