from svc.io_helpers import git_status


async def status():
    return git_status()  # want: ASL201
