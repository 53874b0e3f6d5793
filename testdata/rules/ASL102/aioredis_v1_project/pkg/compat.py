# An optional dependency re-exported to the package (aioinflux's compat.py).
try:
    import aioredis
except ModuleNotFoundError:
    aioredis = None

__all__ = ["aioredis"]
