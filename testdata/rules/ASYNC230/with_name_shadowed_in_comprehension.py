# A name bound by `with open(p) as f:` and bound again by a comprehension
# in the with's body: inside the comprehension `f` is the comprehension's
# own variable (another file), so its read is that file's work, reported
# on its own (ASYNC232), not the opened file's (review30).
import io


async def merge(out, first: io.TextIOWrapper, second: io.TextIOWrapper):
    with open(out, "w") as f:  # want: ASYNC230 "`open\(\)` and the file's `f.write\(\)` \(line 11\)"
        texts = [f.read() for f in (first, second)]  # want: ASYNC232
        f.write("".join(texts))
