from helpers import *


async def job(url):
    data = download(url)  # want: ASL201
    pause()  # want: ASL201
    tick_sync()  # want: ASL101
    notify("done")  # want: ASL102
    print(len(data))
    return data
