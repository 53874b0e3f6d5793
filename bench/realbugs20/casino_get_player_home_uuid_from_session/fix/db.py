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


async def getPlayerHome(session_token):
    userid = await _uuidFromSession(session_token)      # FIX: was missing await
    async with conn_pool.acquire() as conn:
        userDetails = await conn.fetchrow(
            """SELECT u.affiliation AS teamname, a.balance AS usercredits
            FROM users u JOIN accounts a ON u.id = a.user_id
            WHERE u.id = $1;""", userid
        )
        generalDetails = await conn.fetchrow(
            """SELECT SUM(a.balance) AS teamcredits
            FROM users u JOIN accounts a ON u.id = a.user_id
            WHERE u.affiliation = $1;""", userDetails["teamname"]
        )
        gameLogs = await conn.fetch(
            """SELECT
            b.game AS game, b.timeoffinish AS timeoffinish,
            a.initialbet AS initialbet, a.finalamount AS finalamount
            FROM gameplayerlogs a JOIN gamesplayed b ON a.gameid = b.gameid
            WHERE a.userid = $1
            ORDER BY b.timeoffinish DESC;""", userid
        )
        transactions = await conn.fetch(
            """SELECT t.change AS change, t.source AS source, t.destination AS destination
            FROM transactions t WHERE t.source = $1 OR t.destination = $1""",
            userid                                          # FIX: missing parameter
        )
    convertedTransactions = _transactionstoDescriptive(transactions, userid)
    convertedLogs = _gameLogstoDescriptive(gameLogs)
    return {
        "teamname": userDetails["teamname"],
        "usercredits": userDetails["usercredits"],
        "teamcredits": generalDetails["teamcredits"],
        "transactions": convertedTransactions,
        "gamelogs": convertedLogs
    }
