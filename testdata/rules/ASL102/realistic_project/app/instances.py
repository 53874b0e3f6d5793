from app.repos import Cache

cache = Cache()
