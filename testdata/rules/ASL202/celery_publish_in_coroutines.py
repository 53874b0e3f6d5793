# Sending a Celery task publishes its message to the broker synchronously
# (kombu's Producer.publish over the app's broker connection, connecting and
# retrying while the broker is unreachable): `app.send_task(...)`, and a
# task's `delay(...)` and `apply_async(...)`, which end in `app.send_task`
# (MobileTeleSystems/syncmaster#116 moved the endpoint's send_task to a
# thread).
import asyncio
from functools import partial

from celery import Celery, shared_task

celery = Celery(__name__, broker="amqp://localhost")


@celery.task
def run_transfer(run_id):
    return run_id


@shared_task(bind=True)
def cleanup(self, run_id):
    return run_id


async def start_run(run_id, queue):
    celery.send_task("run_transfer_task", kwargs={"run_id": run_id}, queue=queue)  # want: ASL202 "celery\.send_task\(\).*to_thread.*publishes the task message"


async def schedule(run_id):
    run_transfer.delay(run_id)  # want: ASL202 "run_transfer\.delay\(\)"
    return cleanup.apply_async((run_id,), countdown=60).id  # want: ASL202 "cleanup\.apply_async\(\)"


# Quiet: sent from a worker thread, from synchronous code, or only named.
async def start_run_offloaded(run_id, queue):
    await asyncio.to_thread(celery.send_task, "run_transfer_task", kwargs={"run_id": run_id}, queue=queue)


async def schedule_offloaded(run_id):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, partial(run_transfer.delay, run_id))
    result = await asyncio.to_thread(cleanup.apply_async, (run_id,), countdown=60)
    return result.id


def schedule_sync(run_id):
    run_transfer.delay(run_id)
    return celery.send_task("run_transfer_task", kwargs={"run_id": run_id}).id


async def direct_call(run_id):
    return run_transfer(run_id)
