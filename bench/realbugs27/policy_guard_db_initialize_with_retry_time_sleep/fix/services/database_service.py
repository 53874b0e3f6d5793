"""
FIXED: Fully asynchronous DatabaseService with asyncio locks and async sleep
"""
import os
import asyncio
from typing import List, Dict, Any, Optional
from datetime import datetime, timedelta
import json
from functools import wraps
import logging
from supabase import create_client, Client

logger = logging.getLogger(__name__)

class DatabaseService:
    """
    FIXED: Fully async singleton database client
    Uses asyncio.Lock and asyncio.sleep instead of threading/sync operations
    """
    
    _instance = None
    _lock = asyncio.Lock()  # FIXED: Changed to asyncio.Lock
    _max_retries = 5
    _base_delay = 1.0  # seconds
    
    def __init__(self):
        if DatabaseService._instance is not None:
            raise Exception("DatabaseService is a singleton!")
        
        self.supabase: Client = None
        self.is_initialized = False
        self.connection_attempts = 0
        self.last_connection_time = None
    
    @staticmethod
    async def get_instance():
        """FIXED: Async singleton getter with asyncio lock"""
        if DatabaseService._instance is None:
            async with DatabaseService._lock:
                if DatabaseService._instance is None:
                    instance = DatabaseService()
                    await instance._initialize_with_retry()
                    DatabaseService._instance = instance
        return DatabaseService._instance
    
    async def _initialize_with_retry(self):
        """FIXED: Initialize with exponential backoff retry using asyncio.sleep"""
        for attempt in range(self._max_retries):
            try:
                await self._initialize()
                self.is_initialized = True
                self.connection_attempts = attempt + 1
                self.last_connection_time = datetime.utcnow()
                logger.info(f"✅ DatabaseService connected (attempt {attempt + 1})")
                return
                
            except Exception as e:
                if attempt == self._max_retries - 1:
                    logger.error(f"❌ DatabaseService failed after {self._max_retries} attempts: {e}")
                    raise
                
                # FIXED: Use asyncio.sleep instead of time.sleep
                delay = self._base_delay * (2 ** attempt)
                logger.warning(f"⚠️ Database connection failed (attempt {attempt + 1}): {e}. Retrying in {delay}s")
                await asyncio.sleep(delay)  # FIXED: Changed to async sleep
    
    async def _initialize(self):
        """Initialize Supabase client"""
        supabase_url = os.getenv("SUPABASE_URL")
        supabase_key = os.getenv("SUPABASE_KEY")
        
        if not supabase_url or not supabase_key:
            raise ValueError("SUPABASE_URL and SUPABASE_KEY must be set in .env")
        
        self.supabase = create_client(supabase_url, supabase_key)
        
        # Test connection with a simple query
        self.supabase.table("policies").select("count", count="exact").limit(1).execute()
    
    def close(self):
        """Close database connections"""
        # Supabase client doesn't have explicit close method
        self.supabase = None
        self.is_initialized = False
        logger.info("DatabaseService closed")
