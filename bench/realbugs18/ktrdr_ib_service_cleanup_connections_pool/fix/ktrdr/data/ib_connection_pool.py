# Global pool instance
_pool: Optional[IbConnectionPool] = None


async def get_connection_pool() -> IbConnectionPool:
    """Get the global connection pool instance."""
    global _pool
    if _pool is None:
        _pool = IbConnectionPool()
        if not _pool._running:
            await _pool.start()
    return _pool
