import asyncpg
import asyncio
import os
import uuid
from dotenv import load_dotenv
from passlib.hash import bcrypt
from exceptions import InvalidSession, dbError, couldNotGetUsernameAvailability, authenticationFailure, transactionError

load_dotenv()

conn_pool = None
tokenCleanFrequency = 180       # seconds between expired session sweeps
bcryptCost = 12                 # bcrypt work factor


# --------------------------- Init ------------------#

async def session_cleaner():
    while True:
        async with conn_pool.acquire() as conn:
            await conn.execute("DELETE FROM sessions WHERE expires_at < NOW();")
        await asyncio.sleep(tokenCleanFrequency)

async def init_conn_pool_and_cleaner():
    global conn_pool
    conn_pool = await asyncpg.create_pool(os.getenv("DB_URL"))
    asyncio.create_task(session_cleaner())


# ----------------- Internal Helper ----------------------#

async def _getuuid(username: str) -> str:
    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id FROM users WHERE username = $1;", username
        )
        if not row:
            raise dbError("Internal db error - could not get corresponding uuid for your username")
        return row["id"]   # keep as uuid.UUID


async def _uuidFromSession(session_token: str):
    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            """SELECT user_id FROM sessions
               WHERE session_token = $1 AND expires_at > NOW();""",
            uuid.UUID(session_token),
        )
        if not row:
            raise InvalidSession("Session is invalid or has expired.")
        return row["user_id"]   # keep as uuid.UUID — asyncpg needs the native type


async def _getUsernameFromUuid(uuid_val) -> str:
    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT username FROM users WHERE id = $1;", uuid_val
        )
        if not row:
            raise dbError("Internal db error - could not get corresponding username from uuid")
        return row["username"]

async def _getTeamnameFromUuid(uuid_val) -> str:
    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT affiliation FROM users WHERE id = $1;", uuid_val
        )
        if not row:
            raise dbError("Internal db error - could not get corresponding teamname from uuid")
        return row["affiliation"]

def _gameLogstoDescriptive(gamelogs: list):
    cleanedLogs = []
    for entries in gamelogs:
        game = entries["game"]
        time = entries["timeoffinish"]
        credit_change = entries["finalamount"] - entries["initialbet"]
        if credit_change >= 0:
            line = f"You played {game} at {time} and won {abs(credit_change)} credits"
        else:
            line = f"You played {game} at {time} and lost {abs(credit_change)} credits"
        cleanedLogs.append(line)
    return cleanedLogs

def _transactionstoDescriptive(transactionlogs: list, uuid: str):
    cleanedLogs = []
    for entries in transactionlogs:          # FIX: was iterating over cleanedLogs
        change = entries["change"]
        source = str(entries["source"])
        destination = str(entries["destination"])
        if source == uuid:
            line = f"You sent {change} credits"
        elif destination == uuid:
            line = f"You received {change} credits"
        else:
            line = f"Transaction of {change} credits"
        cleanedLogs.append(line)
    return cleanedLogs

def _convertQueue(queue: list):
    queuecleaned = {}
    index = 1
    for players in queue:
        queuecleaned[index] = players["username"]   # FIX: was players[username]
        index += 1
    return queuecleaned

def _convertActivePlayers(activePlayers: list):
    players = {}
    for player in activePlayers:
        players[player["username"]] = player["bet"]
    return players


async def getTableDetails(tablenum: str):
    async with conn_pool.acquire() as conn:
        queue = conn.fetch(
            """SELECT u.username AS username FROM users u JOIN queue q
            ON q.userId = u.id WHERE q.tableId = $1 ORDER BY q.timeOfJoin ASC;""", int(tablenum)
        )
        activePlayers = conn.fetch(
            """SELECT u.username AS username, a.betAmount AS bet
            FROM users u JOIN activeplayers a ON a.userid = u.id WHERE a.tableId = $1;""",
            int(tablenum)
        )

    playersCleaned = _convertActivePlayers(activePlayers)
    queueCleaned = _convertQueue(queue)

    return {
        "queue": queueCleaned,
        "players": playersCleaned
    }


async def getManagerHome(tablenum: str):
    return await getTableDetails(tablenum)
