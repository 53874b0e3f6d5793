# The same package's library module, which any program (a server, a bot)
# may import and run on a loop shared with other work: reported.
async def save(path, data):
    with open(path, "wb") as f:  # want: ASYNC230
        f.write(data)
