# auth.py
# Handles all authentication: email signup/login, Google OAuth, Twitter OAuth.
# Mounted into the main api.py as a router.

import os
import secrets
import httpx
from datetime import datetime, timedelta

import psycopg2
from dotenv import load_dotenv
from fastapi import APIRouter, HTTPException, Depends, Request
from fastapi.responses import RedirectResponse
from jose import jwt, JWTError
import bcrypt as bcrypt_lib
from pydantic import BaseModel

load_dotenv()

router = APIRouter(prefix="/auth", tags=["auth"])

# ── Security helpers ────────────────────────────────────────────────────────
SECRET_KEY = os.getenv("JWT_SECRET", "local-dev-secret-change-in-prod")
ALGORITHM = "HS256"
TOKEN_DAYS = 30
FRONTEND_URL = os.getenv("FRONTEND_URL", "http://localhost:5173")

# In-memory store for OAuth state params (fine for local demo)
# Maps state_token → {"provider": "google"|"twitter", "pkce_verifier": ...}
oauth_states: dict = {}


def get_db_connection():
    database_url = os.getenv("DATABASE_URL")
    
    if not database_url:
        raise HTTPException(
            status_code=500, 
            detail="DATABASE_URL is missing from environment variables!"
        )
        
    return psycopg2.connect(database_url)


def make_jwt(user_id: int, email: str, name: str) -> str:
    payload = {
        "sub": str(user_id),
        "email": email,
        "name": name,
        "exp": datetime.utcnow() + timedelta(days=TOKEN_DAYS),
    }
    return jwt.encode(payload, SECRET_KEY, algorithm=ALGORITHM)


def decode_jwt(token: str) -> dict:
    try:
        return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except JWTError:
        raise HTTPException(status_code=401, detail="Invalid or expired token")


def get_current_user(request: Request) -> dict:
    """
    Dependency — extracts and validates the JWT from the Authorization header.
    Use as: user = Depends(get_current_user) in any protected endpoint.
    """
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="Not authenticated")
    token = auth.split(" ", 1)[1]
    return decode_jwt(token)


# ── Profile + preferences endpoints ────────────────────────────────────────


@router.get("/me")
def get_me(user=Depends(get_current_user)):
    conn = get_db()
    cur = conn.cursor()
    cur.execute(
        """
        SELECT id, name, email, avatar_url, auth_provider, theme, created_at
        FROM users WHERE id = %s
    """,
        (int(user["sub"]),),
    )
    row = cur.fetchone()
    cur.close()
    conn.close()

    if not row:
        raise HTTPException(status_code=404, detail="User not found")

    return {
        "id": row[0],
        "name": row[1],
        "email": row[2],
        "avatar_url": row[3],
        "auth_provider": row[4],
        "theme": row[5],
        "created_at": row[6].isoformat(),
    }


@router.post("/logout")
def logout():
    # JWT is stateless — logout is handled on the frontend by deleting the token
    return {"message": "Logged out successfully"}


@router.patch("/theme")
async def update_theme(request: Request, user=Depends(get_current_user)):
    body = await request.json()  # Fixed — was using wrong sync pattern
    theme = body.get("theme")

    if theme not in ("light", "dark", "calm"):
        raise HTTPException(
            status_code=400, detail="Theme must be light, dark, or calm"
        )

    conn = get_db()
    cur = conn.cursor()
    cur.execute("UPDATE users SET theme = %s WHERE id = %s", (theme, int(user["sub"])))
    conn.commit()
    cur.close()
    conn.close()

    return {"theme": theme}
