async def run_nightly():  # quiet: re-exported by jobs/__init__.py, bot.py schedules it from there
    return "done"


async def run_hourly():  # want: ASYNC124
    return "done"
