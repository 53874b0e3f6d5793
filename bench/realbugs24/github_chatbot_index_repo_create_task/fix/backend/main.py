"""
GitHub Codebase Chatbot — FastAPI Backend
==========================================
Wraps the RAG pipeline and exposes REST + SSE endpoints for the Next.js frontend.
"""

import os
import re
import asyncio
import json
import pickle
import shutil
import time
import random
from pathlib import Path
from typing import Optional, AsyncGenerator

from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from dotenv import load_dotenv

load_dotenv()

app = FastAPI(title="GitHub Chatbot API", version="1.0.0")

# ── Global state (single active session) ─────────────────────────────────────
class Session:
    repo: Optional[str] = None
    branch: Optional[str] = None
    rag_chain = None
    vector_db = None
    all_chunks: list = []
    file_count: int = 0
    chunk_count: int = 0
    indexing: bool = False
    error: Optional[str] = None
    file_list: list[str] = []
    chat_history: list[dict] = []
    # FIX: track indexing task so we can cancel if needed
    _indexing_task: Optional[asyncio.Task] = None

session = Session()

def normalize_repo(raw: str) -> Optional[str]:
    raw = raw.strip().rstrip("/")
    m = re.match(r"(?:https?://)?github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?(?:/.*)?$", raw, re.IGNORECASE)
    if m:
        return f"{m.group(1)}/{m.group(2)}"
    if re.match(r"^[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+$", raw):
        return raw
    return None

# Pydantic models
class IndexRequest(BaseModel):
    repo: str
    branch: str = "main"

@app.post("/index")
async def index_repo(req: IndexRequest):
    """Kick off background indexing of a GitHub repo."""
    if session.indexing:
        raise HTTPException(status_code=409, detail="Indexing already in progress.")

    repo = normalize_repo(req.repo)
    if not repo:
        raise HTTPException(status_code=400, detail="Invalid repo format. Use owner/repo or full GitHub URL.")

    github_token = os.getenv("GITHUB_PERSONAL_ACCESS_TOKEN", "")
    if not github_token:
        raise HTTPException(status_code=500, detail="GITHUB_PERSONAL_ACCESS_TOKEN not set in .env")

    # Reset session
    session.repo = repo
    session.branch = req.branch
    session.rag_chain = None
    session.file_count = 0
    session.chunk_count = 0
    session.error = None
    session.file_list = []
    session.chat_history = []
    session.indexing = True

    # FIX: store the task reference so it can be inspected/cancelled
    session._indexing_task = asyncio.create_task(_run_indexing(repo, req.branch, github_token))
    return {"message": f"Indexing started for {repo}@{req.branch}"}
