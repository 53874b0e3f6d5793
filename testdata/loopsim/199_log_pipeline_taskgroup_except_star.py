# A log-processing pipeline: a reader yields batches from a deque, parsers
# count levels with Counter and group by service with defaultdict, a
# TaskGroup runs the stages; a malformed batch raises and is handled with
# except* while the other parsers' results are kept.
import asyncio
from collections import Counter, defaultdict, deque

LINES = [
    "2026-01-01 INFO api request ok",
    "2026-01-01 WARN db slow query",
    "2026-01-01 INFO api request ok",
    "2026-01-01 ERROR worker crashed",
    "2026-01-01 INFO db connected",
    "garbage",
    "2026-01-01 INFO worker started",
    "2026-01-01 WARN api retry",
]


class ParseError(ValueError):
    def __init__(self, line_no, text):
        super().__init__(f"line {line_no}: {text!r}")
        self.line_no = line_no


def batches(lines, size):
    pending = deque(enumerate(lines))
    while pending:
        chunk = []
        while pending and len(chunk) < size:
            chunk.append(pending.popleft())
        yield chunk


async def parse(batch, levels, services):
    for line_no, text in batch:
        parts = text.split(maxsplit=3)
        if len(parts) < 4:
            await asyncio.sleep(0.005)
            raise ParseError(line_no, text)
        _, level, service, _msg = parts
        levels[level] += 1
        services[service].append(level)
        await asyncio.sleep(0.02 if level == "ERROR" else 0.01)


async def main():
    levels = Counter()
    services = defaultdict(list)
    errors = []
    try:
        async with asyncio.TaskGroup() as tg:
            for batch in batches(LINES, 3):
                tg.create_task(parse(batch, levels, services))
    except* ParseError as group:
        errors.extend(e.line_no for e in group.exceptions)
    # alerting costs time per service that logged a warning or worse
    noisy = [s for s, lv in services.items() if any(l in ("WARN", "ERROR") for l in lv)]
    for service in sorted(noisy):
        await asyncio.sleep(0.03)
    most = levels.most_common(1)[0][0]
    print(errors, most, noisy)


if __name__ == "__main__":
    asyncio.run(main())
