from app import guards
from app.guards import lock


async def main():
    async with guards.system_scope("boot"):  # want: ASL111
        pass
    async with guards.session_scope("boot"):
        pass
    # A library lock made in another module of the project: not followed
    # (the other module's name may hold the class or an instance).
    async with lock:
        pass
