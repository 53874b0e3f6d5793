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


# A parameter that may name a file or be one, opened when it is a path:
# that it is a file is known from the open() alone, so its writes are that
# open's work (pypi2deb's `execute(..., log_output)`).
async def execute(command, log_output=None):
    close = False
    if log_output:
        if isinstance(log_output, str):
            close = True
            log_output = open(log_output, "a", encoding="utf-8")  # want: ASYNC230 "the file's `log_output\.write\(\)` \(line 52\), `log_output\.write\(\)` \(line 53\), `log_output\.flush\(\)` \(line 54\) and 1 more call block"
        log_output.write(command)
        log_output.write("\n")
        log_output.flush()
    close and log_output.close()


# Still on its own: a parameter of a known file type, written before the
# function opens anything into it.
async def write_first(out: "io.TextIOWrapper", path):
    out.write("header")  # want: ASYNC232
    out = open(path, "a")  # want: ASYNC230 "^`open\(\)` blocks the event loop"
    return out
