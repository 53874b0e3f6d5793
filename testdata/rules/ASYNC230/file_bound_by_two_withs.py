# One finding per opened file also when the function binds the file's name
# more than once: inside `with open(p) as f:`, `f` is that file, so the
# reads and writes of its body fold into that open's finding.
import json
import time


async def load_with_retry(path):
    try:
        with open(path) as f:  # want: ASYNC230 "`open\(\)` and the file's `json\.load\(\)` \(line 11\) block"
            return json.load(f)
    except ValueError:
        time.sleep(0.5)  # want: ASYNC251
        with open(path) as f:  # want: ASYNC230 "`open\(\)` and the file's `json\.load\(\)` \(line 15\) block"
            return json.load(f)


async def bind(path, token):
    with open(path) as f:  # want: ASYNC230 "and the file's `json\.load\(\)` \(line 20\) block"
        creds = json.load(f)
    if not creds:
        with open(path, "w") as f:  # want: ASYNC230 "and the file's `json\.dump\(\)` \(line 23\) block"
            json.dump({"token": token}, f)
    return creds


# Still on its own: the body binds the name again, so the read may be of
# another file.
async def reopen(path, other: "io.TextIOWrapper"):
    with open(path) as f:  # want: ASYNC230 "^`open\(\)` blocks the event loop"
        f = other
        return f.read()  # want: ASYNC232


# Still on its own: the read is outside the `with` body.
async def after_with(path, fallback: "io.TextIOWrapper"):
    f = fallback
    with open(path) as f:  # want: ASYNC230 "^`open\(\)` blocks the event loop"
        pass
    return f.read()  # want: ASYNC232
