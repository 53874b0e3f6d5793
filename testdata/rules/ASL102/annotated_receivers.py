import asyncio
from typing import Optional

from fastapi import Depends, FastAPI

app = FastAPI()


class Repo:
    async def save(self, item):
        await asyncio.sleep(0)

    async def delete(self, item_id):
        await asyncio.sleep(0)


def get_repo() -> Repo:
    return Repo()


@app.post("/items")
async def create(item: dict, repo: Repo = Depends(get_repo)):
    repo.save(item)  # want: ASL102
    return item


@app.delete("/items/{item_id}")
async def delete(item_id: int, repo: Optional[Repo] = None):
    repo = repo or get_repo()
    repo.delete(item_id)  # want: ASL102
    get_repo().delete(item_id)  # want: ASL102
    return {"ok": True}


class Service:
    repo: Repo

    def __init__(self, repo: Repo):
        self.repo = repo

    async def purge(self, ids):
        for i in ids:
            self.repo.delete(i)  # want: ASL102
