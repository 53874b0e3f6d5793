# A client returned through two unannotated getters (a lazily initialised
# module global behind a validating wrapper): each getter's return is one
# step, like a variable's assignment, so the coroutine's Firestore read is
# still known to block. The same read in a thread, or in synchronous code,
# is fine.
import asyncio

from firebase_admin import firestore

db_firestore = None


def get_firestore_client():
    global db_firestore
    if db_firestore is not None:
        return db_firestore
    try:
        db_firestore = firestore.client()
    except Exception:
        db_firestore = None
    return db_firestore


def validate_firestore_ready():
    client = get_firestore_client()
    if client is None:
        raise RuntimeError("database unavailable")
    return client


def checked_client():
    return validate_firestore_ready()


async def verify_role(uid):
    db = validate_firestore_ready()
    user_doc = db.collection("users").document(uid).get()  # want: ASL202 "\(google\.cloud\.firestore\.DocumentReference\.get\) blocks the event loop in async function `verify_role`"
    return user_doc.exists


async def roles(uid):
    doc = checked_client().collection("users").document(uid).get()  # want: ASL202 "DocumentReference\.get"
    return doc.get("roles", [])


async def verify_role_in_thread(uid):
    # Quiet: the read runs in a worker thread.
    db = validate_firestore_ready()
    user_doc = await asyncio.to_thread(db.collection("users").document(uid).get)
    return user_doc.exists


def verify_role_sync(uid):
    # Quiet: synchronous code may block.
    return validate_firestore_ready().collection("users").document(uid).get().exists
