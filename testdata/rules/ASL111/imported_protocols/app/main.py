from app import guards
from app.guards import lock


async def main():
    async with guards.system_scope("boot"):  # want: ASL111
        pass
    async with guards.session_scope("boot"):
        pass
    # A library lock made in another module of the project (`lock =
    # threading.Lock()` once there).
    async with lock:  # want: ASL111 "`lock` \(a `threading.Lock`\)"
        pass
