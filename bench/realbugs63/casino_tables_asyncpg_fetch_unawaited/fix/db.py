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

def _cleanUserQueue(activeQueue: list):
    queues = {}
    for queue in activeQueue:
        queues[queue["game"]] = queue["position"]
    for game in ['teenPatti', 'poker', 'spadesOf3', 'blackjack', 'rummy', 'crazy8s']:
        if game not in queues:
            queues[game] = -1
    return queues


# ------------------------ route helper functions ------------------------#

async def validate(session_token: str, role: str) -> bool:
    if not session_token:
        return False
    try:
        token_uuid = uuid.UUID(session_token)
    except ValueError:
        return False
    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            """SELECT u.access
               FROM sessions s
               JOIN users u ON s.user_id = u.id
               WHERE s.session_token = $1 AND s.expires_at > NOW();""",
            token_uuid,
        )
    return bool(row and row["access"] == role)

async def getPayees(session_token: str):
    source_uuid = await _uuidFromSession(session_token)       # FIX: correct function name
    teamname = await _getTeamnameFromUuid(source_uuid)
    async with conn_pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT username FROM users WHERE id != $1 AND affiliation = $2 ORDER BY username;",
            source_uuid, teamname
        )
    if not rows:
        raise dbError(f"Internal db error - could not get list of payees affiliated to {teamname}")
    return [r["username"] for r in rows]


async def getSessionToken(username: str, password: str):
    # input length guard — bcrypt silently truncates at 72 bytes
    if len(password.encode()) > 72:
        raise authenticationFailure("Password too long")

    async with conn_pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, password_hash FROM users WHERE username = $1;", username
        )

        if row:
            valid = await asyncio.to_thread(
                bcrypt.verify, password, row["password_hash"]
            )
            if valid:
                existing = await conn.fetchrow(
                    """SELECT session_token FROM sessions
                       WHERE user_id = $1 AND expires_at > NOW();""",
                    row["id"],
                )
                if existing:
                    return existing["session_token"]
                new_session = await conn.fetchrow(
                    """INSERT INTO sessions (user_id, expires_at)
                       VALUES ($1, NOW() + INTERVAL '1 day')
                       RETURNING session_token;""",
                    row["id"],
                )
                return new_session["session_token"]
            else:
                raise authenticationFailure("Invalid credentials")
        else:
            raise authenticationFailure("Invalid credentials")   # FIX: don't leak user existence


async def deleteSessionToken(session_token: str):
    async with conn_pool.acquire() as conn:
        await conn.execute(
            "DELETE FROM sessions WHERE session_token = $1;", uuid.UUID(session_token)
        )

async def transfer(session_id: str, destination_username: str, amount):
    try:
        amount = int(amount)
    except (TypeError, ValueError):
        raise transactionError("Amount must be a whole number")
    if amount <= 0:
        raise transactionError("Amount must be greater than zero")

    source_uuid = await _uuidFromSession(session_id)         # FIX: correct name + await
    dest_uuid = await _getuuid(destination_username)

    if str(source_uuid) == str(dest_uuid):
        raise transactionError("Cannot transfer to yourself")

    async with conn_pool.acquire() as conn:
        try:
            async with conn.transaction():
                ids = sorted([source_uuid, dest_uuid], key=lambda x: str(x))
                await conn.fetchrow(
                    "SELECT balance FROM accounts WHERE user_id = $1 FOR UPDATE;",
                    ids[0],
                )
                await conn.fetchrow(
                    "SELECT balance FROM accounts WHERE user_id = $1 FOR UPDATE;",
                    ids[1],
                )

                src_row = await conn.fetchrow(
                    "SELECT balance FROM accounts WHERE user_id = $1;", source_uuid
                )
                if not src_row:
                    raise transactionError("Your account does not exist")

                dst_row = await conn.fetchrow(
                    "SELECT balance FROM accounts WHERE user_id = $1;", dest_uuid
                )
                if not dst_row:
                    raise transactionError("Recipient account does not exist")

                if src_row["balance"] < amount:
                    raise transactionError("Insufficient balance")    # FIX: was return, not raise

                await conn.execute(
                    "INSERT INTO transactions (change, source, destination) VALUES ($1, $2, $3);",
                    amount, source_uuid, dest_uuid,
                )
                await conn.execute(
                    "UPDATE accounts SET balance = balance - $1 WHERE user_id = $2;",
                    amount, source_uuid,
                )
                await conn.execute(
                    "UPDATE accounts SET balance = balance + $1 WHERE user_id = $2;",
                    amount, dest_uuid,
                )
                return True
        except transactionError:
            raise
        except Exception as e:
            raise transactionError(f"Transaction failed: {str(e)}")


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


async def getTableDetails(tablenum: str):
    async with conn_pool.acquire() as conn:
        queue = await conn.fetch(                            # FIX: missing await
            """SELECT u.username AS username FROM users u JOIN queue q
            ON q.userId = u.id WHERE q.tableId = $1 ORDER BY q.timeOfJoin ASC;""", int(tablenum)
        )
        activePlayers = await conn.fetch(                   # FIX: missing await
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


async def getUserQueue(session_token):
    uuid = await _uuidFromSession(session_token)
    async with conn_pool.acquire() as conn:
        activeQueues = await conn.fetch(                    # FIX: missing await
            """
            SELECT gameselected AS game, position
            FROM (
                SELECT
                    q.userid,
                    t.gameselected,
                    ROW_NUMBER() OVER (
                        PARTITION BY q.tableid
                        ORDER BY q.timeofjoin ASC
                    ) AS position
                FROM queue q
                JOIN tables t ON q.tableid = t.tableid
            ) sub
            WHERE userid = $1;
            """, uuid
        )
    cleanedUserQueue = _cleanUserQueue(activeQueues)
    return cleanedUserQueue


async def removeFromQueue(username: str, game: str):
    uuid = await _getuuid(username)                         # FIX: missing await
    async with conn_pool.acquire() as conn:
        await conn.execute(                                 # FIX: missing await
            "DELETE FROM queue WHERE userid = $1 AND tableId IN (SELECT tableid FROM tables WHERE gameselected = $2);",
            uuid, game
        )


async def insertIntoQueue(session_token: str, tablenum: str):
    userId = await _uuidFromSession(session_token)          # FIX: missing await
    async with conn_pool.acquire() as conn:
        await conn.execute(
            """INSERT INTO queue(tableid, userid)
            VALUES($1, $2)""",
            int(tablenum), userId
        )


