# imaplib's and poplib's constructors connect: "The connection is created
# and protocol version (IMAP4 or IMAP4rev1) is determined when the instance
# is initialized" (imaplib), "The connection is created when the instance
# is initialized" (poplib). In a coroutine the DNS lookup, the TCP and TLS
# handshakes and the greeting hold the loop, as the requests that follow do.
import asyncio
import ftplib
import imaplib
import poplib


async def unread_count(host, user, password):
    box = poplib.POP3_SSL(host)  # want: ASL202
    box.user(user)  # want: ASL202
    box.pass_(password)  # want: ASL202
    count, _size = box.stat()  # want: ASL202
    box.quit()  # want: ASL202
    return count


async def mailbox_size(host, user, password):
    conn = imaplib.IMAP4(host)  # want: ASL202
    conn.starttls()  # want: ASL202
    conn.login(user, password)  # want: ASL202
    return conn.status("INBOX", "(MESSAGES)")  # want: ASL202


# Quiet: the same work in a thread or in a plain function, and ftplib's FTP
# made without a host (it connects in connect()).


def _unread_count(host, user, password):
    box = poplib.POP3_SSL(host)
    box.user(user)
    box.pass_(password)
    return box.stat()[0]


async def unread_count_in_thread(host, user, password):
    return await asyncio.to_thread(_unread_count, host, user, password)


async def ftp_client():
    return ftplib.FTP()
