import time


async def handle(request):
    # Fires: library code; the loop serves every client.
    time.sleep(0.1)  # want: ASYNC251
    return request
