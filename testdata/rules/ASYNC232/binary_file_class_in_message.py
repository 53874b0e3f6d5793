# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import tempfile
from pathlib import Path


async def save(path, data: bytes, text: str):
    with open(path, "wb") as f:
        f.write(data)  # want: ASYNC232 "`f\.write\(\)` \(io\.BufferedWriter\.write\) blocks"
    with open(path, "rb") as g:
        g.read()  # want: ASYNC232 "`g\.read\(\)` \(io\.BufferedReader\.read\) blocks"
    with open(path, mode="r+b") as h:
        h.read()  # want: ASYNC232 "`h\.read\(\)` \(io\.BufferedRandom\.read\) blocks"
    with tempfile.NamedTemporaryFile(delete=False, suffix=".opus") as t:
        t.write(data)  # want: ASYNC232 "`t\.write\(\)` \(io\.BufferedRandom\.write\) blocks"
    with Path(path).open("ab") as p:
        p.write(data)  # want: ASYNC232 "`p\.write\(\)` \(io\.BufferedWriter\.write\) blocks"
    with open(path, "wb+", buffering=0) as r:
        r.write(data)  # want: ASYNC232 "`r\.write\(\)` \(io\.FileIO\.write\) blocks"
    # Text modes, and a mode that is not a literal, keep io.TextIOWrapper.
    with open(path, "w") as u:
        u.write(text)  # want: ASYNC232 "`u\.write\(\)` \(io\.TextIOWrapper\.write\) blocks"
    with tempfile.NamedTemporaryFile("w") as v:
        v.write(text)  # want: ASYNC232 "`v\.write\(\)` \(io\.TextIOWrapper\.write\) blocks"
    mode = "wb"
    with open(path, mode) as w:
        w.write(data)  # want: ASYNC232 "`w\.write\(\)` \(io\.TextIOWrapper\.write\) blocks"
