# psycopg2 and psycopg 3 make client-side cursors: execute() sends the query
# and receives the whole result, fetchone/fetchmany/fetchall read it from
# the cursor's memory (sarlacc's early SMTP sink on corpus34: execute then
# fetchall/fetchone on a psycopg2 cursor). The round trips are reported, the
# fetches are not. mysql.connector's default cursor is unbuffered: its
# fetches read the rows from the server, and are reported.
import mysql.connector
import psycopg
import psycopg2

pg = psycopg2.connect("dbname=mail")
pg3 = psycopg.connect("dbname=mail")
my = mysql.connector.connect(host="db")


async def store_body(sha, body):
    with pg.cursor() as curs:
        curs.execute("SELECT * FROM body WHERE sha256 = %s;", (sha,))  # want: ASL202 "\(and 1 more call in `store_body`: line 21\)"
        results = curs.fetchall()
        if not results:
            curs.execute("INSERT INTO body (sha256, content) VALUES (%s, %s) RETURNING *;", (sha, body))  # the same call: named by line 18's finding
            results = curs.fetchone()
    return results


async def count_items():
    cur = pg3.execute("SELECT count(*) FROM items")  # want: ASL202
    first = cur.fetchone()
    rows = pg3.cursor().fetchmany(10)
    return first, rows


async def legacy_rows():
    cursor = my.cursor()
    cursor.execute("SELECT dateSent, subject FROM mailitem")  # want: ASL202
    return cursor.fetchall()  # want: ASL202
