# unknown: time of day
# A cron-like scheduler: jobs read from a JSON file, due when the current minute divides their period, with jitter from the environment.
import asyncio
import json
import os
import random
from datetime import datetime


class Scheduler:
    def __init__(self, path):
        with open(path) as f:
            self.jobs = json.load(f)
        self.jitter = float(os.environ.get("JITTER", "0.1"))

    async def run_due(self):
        now = datetime.now()
        for job in self.jobs:
            if now.minute % job["every"] == 0:
                await asyncio.sleep(job["cost"] + random.uniform(0, self.jitter))


async def main():
    s = Scheduler("jobs.json")
    await s.run_due()


if __name__ == "__main__":
    asyncio.run(main())
