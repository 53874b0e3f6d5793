import os
import sys
import asyncio
import httpx
from contextlib import asynccontextmanager
from fastapi import FastAPI, Depends, HTTPException
from pydantic import BaseModel
from typing import List, Optional
from google import genai
from sqlalchemy import create_engine, Column, Integer, String, Float, JSON, select, text
from sqlalchemy.orm import declarative_base, sessionmaker, Session
from pgvector.sqlalchemy import Vector

# ==========================================
# 1. DATABASE & CLOUD CONFIGURATION
# ==========================================
DATABASE_URL = os.getenv("DATABASE_URL")
if not DATABASE_URL:
    raise ValueError("CRITICAL ERROR: DATABASE_URL environment variable is missing!")

engine = create_engine(DATABASE_URL, pool_pre_ping=True)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
Base = declarative_base()

def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()

def get_gemini_client():
    api_key = os.getenv("GEMINI_API_KEY")
    if not api_key:
        raise ValueError("CRITICAL ERROR: GEMINI_API_KEY environment variable is missing!")
    return genai.Client(api_key=api_key)

# ==========================================
# 2. DATA MODELS (PostgreSQL / SQLAlchemy)
# ==========================================
class DBProduct(Base):
    __tablename__ = "products"

    id = Column(Integer, primary_key=True, index=True)
    title = Column(String, nullable=False)
    price = Column(Float, nullable=False)
    description = Column(String)
    category_id = Column(Integer)
    category_name = Column(String)
    category_image = Column(String)
    category_slug = Column(String)
    images = Column(JSON)
    embedding = Column(Vector(3072), nullable=True)  # Gemini text-embedding-004 dimensions

def format_db_product(p: DBProduct) -> dict:
    """Maps flat SQL rows back into the standardized nested product shape."""
    img_list = p.images if isinstance(p.images, list) else ([p.images] if p.images else [])
    return {
        "id": p.id,
        "title": p.title,
        "price": p.price,
        "description": p.description,
        "category": {
            "id": p.category_id,
            "name": p.category_name or "General",
            "image": p.category_image or "https://placehold.co/600x400",
            "slug": p.category_slug or "general"
        },
        "images": img_list
    }


app = FastAPI(title="AI-Powered E-Commerce Store Platform", lifespan=lifespan)

# ==========================================
# 5. API ROUTES
# ==========================================

@app.get("/products/search/smart")
async def smart_search(query: str, db: Session = Depends(get_db)):
    """
    Semantic vector search via pgvector cosine distance.
    Gemini embedding call is wrapped in to_thread() — non-blocking.
    """
    if not query:
        raise HTTPException(status_code=400, detail="Search query string is required.")

    try:
        gemini_client = get_gemini_client()

        # FIX: wrap synchronous Gemini call
        embed_resp = await asyncio.to_thread(
            gemini_client.models.embed_content,
            model="gemini-embedding-001",
            contents=query
        )
        query_vector = embed_resp.embeddings[0].values

        # FIX: wrap synchronous DB query
        def run_vector_query():
            stmt = (
                select(DBProduct)
                .order_by(DBProduct.embedding.cosine_distance(query_vector))
                .limit(5)
            )
            return db.scalars(stmt).all()

        results = await asyncio.to_thread(run_vector_query)

        if not results:
            return {"message": "No matching products found.", "results": []}

        return [format_db_product(p) for p in results]

    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Semantic search failed: {str(e)}")
