def crunch(loop, fut):
    loop.call_soon_threadsafe(fut.set_result, 42)
