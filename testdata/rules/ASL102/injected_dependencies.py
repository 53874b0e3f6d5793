from fastapi import Depends, FastAPI


class Store:
    async def load(self, key):
        return {"key": key}

    async def close(self):
        pass


def get_store():
    return Store()


async def store_session():
    store = Store()
    try:
        yield store
    finally:
        await store.close()


app = FastAPI()


# FastAPI passes what the dependency returns: a Store, whose load is a
# coroutine function.
@app.get("/items/{key}")
async def read_item(key: str, store=Depends(get_store)):
    item = store.load(key)  # want: ASL102 "coroutine `store.load\(\)` is never awaited"
    return item["key"]


# An async generator dependency: what it yields.
@app.get("/other/{key}")
async def read_other(key: str, store=Depends(store_session)):
    store.load(key)  # want: ASL102
    return {}


# Quiet: awaited.
@app.get("/awaited/{key}")
async def read_awaited(key: str, store=Depends(store_session)):
    item = await store.load(key)
    return item["key"]
