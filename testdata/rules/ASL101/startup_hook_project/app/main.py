from fastapi import FastAPI

from .database import init_db
from .routers import users

app = FastAPI()
app.include_router(users.router)


@app.on_event("startup")
async def startup():
    init_db()  # want: ASL201
