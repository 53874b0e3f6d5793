import asyncio

from celery import Celery

app = Celery("tasks")


async def send_email(to):
    await asyncio.sleep(0.1)


@app.task
def send_email_task(to):
    asyncio.run(send_email(to))


def notify_all(users):
    for u in users:
        send_email_task(u)


async def signup(user):
    send_email_task.delay(user)
    notify_all([user])  # want: ASL101
