from celery import Celery, shared_task

app = Celery("proj", broker="redis://localhost")


@app.task
def add(x, y):
    return x + y


@shared_task(bind=True)
def report(self, day):
    return day
