# A coroutine that reaches a Celery publish through a synchronous helper
# blocks as much as one that calls it (the helper's send_task and delay
# publish to the broker synchronously).
import asyncio

from celery import Celery

app = Celery("jobs", broker="redis://localhost")


@app.task
def render(job_id):
    return job_id


def enqueue(job_id, urgent=False):
    if urgent:
        return app.send_task("jobs.render", args=[job_id], priority=9)
    return render.delay(job_id)


async def submit(job_id):
    result = enqueue(job_id)  # want: ASL201 "enqueue\(\).*send_task|enqueue\(\).*delay"
    return result.id


# Quiet: the helper runs in a worker thread, or from synchronous code.
async def submit_offloaded(job_id):
    result = await asyncio.to_thread(enqueue, job_id)
    return result.id


def submit_sync(job_id):
    return enqueue(job_id, urgent=True).id
