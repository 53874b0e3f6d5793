import json
import os
import shutil
from pathlib import Path

from fastapi import FastAPI, UploadFile

app = FastAPI()
UPLOADS = Path("uploads")


@app.post("/upload")
async def upload(file: UploadFile):
    with open(os.path.join("uploads", file.filename), "wb") as buffer:  # want: ASYNC230 "and the file's `shutil\.copyfileobj\(\)`"
        shutil.copyfileobj(file.file, buffer)  # named in the open's finding
    return {"filename": file.filename}


@app.get("/config")
async def config():
    with open("config.json") as f:  # want: ASYNC230
        return json.load(f)  # named in the open's finding


@app.get("/exists/{name}")
async def exists(name: str):
    if not os.path.exists(f"uploads/{name}"):  # want: ASYNC240
        return {"exists": False}
    return {"size": os.path.getsize(f"uploads/{name}")}  # want: ASYNC240


@app.get("/read/{name}")
async def read(name: str):
    return {"text": (UPLOADS / name).read_text()}  # want: ASYNC230


@app.get("/sync")
def sync_handler():
    with open("config.json") as f:
        return json.load(f)
