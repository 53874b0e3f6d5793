# config: ignore = ["ASYNC230"]  # ASYNC232 alone (with ASYNC230 on, these calls are folded into the open's finding: testdata/rules/ASYNC230/file_preset_to_none.py)
# A local set to None before it is opened holds only what that open() made:
# the mode of that open() decides whether close() flushes anything.


# Quiet: the file was opened only for reading.
async def load_banner(path):
    f = None
    try:
        f = open(path)
        return f.read()  # want: ASYNC232
    finally:
        if f is not None:
            f.close()


# Fires: opened for writing, close() flushes.
async def save_report(path, text):
    f = None
    try:
        f = open(path, "w")
        f.write(text)  # want: ASYNC232
    finally:
        if f:
            f.close()  # want: ASYNC232
