# collections.namedtuple (function form) rows drive per-row sleeps; rows
# are grouped with a defaultdict and each group runs concurrently.
import asyncio
from collections import defaultdict, namedtuple

Row = namedtuple("Row", ["group", "cost"])
ROWS = [Row("a", 0.03), Row("b", 0.05), Row("a", 0.04), Row("b", 0.01), Row("c", 0.06)]


async def run_group(rows) -> float:
    for r in rows:
        await asyncio.sleep(r.cost)
    return sum(r.cost for r in rows)


async def main():
    groups = defaultdict(list)
    for row in ROWS:
        groups[row.group].append(row)
    totals = await asyncio.gather(*(run_group(rs) for rs in groups.values()))
    print(dict(zip(groups, totals)))


if __name__ == "__main__":
    asyncio.run(main())
