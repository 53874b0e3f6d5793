# Google's synchronous clients: a Gemini generate_content and a Firestore
# document write are each a network round trip. Their async twins, and the
# same calls handed to a thread, are fine.
import asyncio

import google.generativeai as genai
from firebase_admin import firestore
from google import genai as google_genai

db = firestore.client()
room = db.collection("calls").document("room")


class GeminiProvider:
    def __init__(self):
        self.model = genai.GenerativeModel("gemini-1.5-flash")

    async def generate(self, prompt):
        response = self.model.generate_content(prompt)  # want: ASL202 "\(google\.generativeai\.GenerativeModel\.generate_content\) blocks the event loop in async function `generate`"
        return response.text

    async def chat(self, prompt):
        session = self.model.start_chat()
        return session.send_message(prompt)  # want: ASL202 "ChatSession\.send_message"

    async def generate_async(self, prompt):
        # Quiet: the async twin, awaited.
        response = await self.model.generate_content_async(prompt)
        return response.text

    async def generate_in_thread(self, prompt):
        # Quiet: handed to a thread.
        return await asyncio.to_thread(self.model.generate_content, prompt)

    def generate_sync(self, prompt):
        # Quiet: synchronous code may block.
        return self.model.generate_content(prompt).text


async def ask(prompt):
    client = google_genai.Client()
    reply = client.models.generate_content(model="gemini-2.0-flash", contents=prompt)  # want: ASL202 "google\.genai\.Client\.models\.generate_content"
    return reply.text


async def ask_async(prompt):
    # Quiet: the client's aio twin, awaited.
    client = google_genai.Client()
    reply = await client.aio.models.generate_content(model="gemini-2.0-flash", contents=prompt)
    return reply.text


def stream(prompt):
    # Quiet: a generator function; and synchronous code besides.
    client = google_genai.Client()
    return client.models.generate_content_stream(model="gemini-2.0-flash", contents=prompt)


async def cleanup_room():
    room.delete()  # want: ASL202 "`room\.delete\(\)` \(google\.cloud\.firestore\.DocumentReference\.delete\) blocks the event loop"


async def add_candidate(candidate):
    room.collection("candidates").add(candidate)  # want: ASL202 "CollectionReference\.add"


async def latest(user_id):
    docs = db.collection("events").where("user", "==", user_id).limit(5).get()  # want: ASL202 "Query\.get"
    return [d.to_dict() for d in docs]


async def cleanup_room_in_thread():
    # Quiet: handed to a thread.
    await asyncio.to_thread(room.delete)


async def candidates_ref():
    # Quiet: naming a collection or document does no I/O.
    return room.collection("candidates").document("c1")


def cleanup_room_sync():
    # Quiet: synchronous code may block.
    room.delete()


async def prune_tokens(tokens):
    # A collection-group query run by the loop over stream(), and a
    # batch of deletes sent by commit(): two RPCs on the loop.
    batch = db.batch()
    for doc in db.collection_group("fcm_tokens").where("token", "in", tokens).stream():  # want: ASL202 "Query\.stream"
        batch.delete(doc.reference)
    batch.commit()  # want: ASL202 "`batch\.commit\(\)` \(google\.cloud\.firestore\.WriteBatch\.commit\) blocks the event loop"


async def recent_events():
    return [d.to_dict() for d in db.collection("events").stream()]  # want: ASL202 "CollectionReference\.stream"


async def tokens_of(uid):
    # A local bound once to stream() and looped over on the loop: the
    # loop's first draw sends the query.
    docs = db.collection("users").document(uid).collection("fcm_tokens").stream()  # want: ASL202 "CollectionReference\.stream"
    return [d.id for d in docs]


async def tokens_in_thread(uid):
    # Quiet: stream() returns a generator that sends nothing until
    # iterated, and list() iterates it in the thread.
    docs = db.collection("users").document(uid).collection("fcm_tokens").stream()
    return await asyncio.to_thread(list, docs)


def prune_tokens_sync(tokens):
    # Quiet: synchronous code may block; naming the query and adding a
    # delete to the batch do no I/O.
    batch = db.batch()
    for doc in db.collection_group("fcm_tokens").where("token", "in", tokens).stream():
        batch.delete(doc.reference)
    batch.commit()


async def prune_tokens_in_thread(tokens):
    # Quiet: handed to a thread.
    await asyncio.to_thread(prune_tokens_sync, tokens)


async def new_batch():
    # Quiet: batch() and collection_group() only name what will be sent.
    return db.batch(), db.collection_group("fcm_tokens")
