# A nightly report job: per-region settings come from a config dict, the
# report is assembled with f-string format specs and str methods, and the
# time each upload takes follows from the numbers it reports.
import asyncio

CONFIG = {
    "regions": {"eu-west": 120, "us-east": 340, "ap-south": 75, "sa-east": 15},
    "upload_ms_per_kb": 0.4,
    "header": "region,orders,share",
    "skip": ["sa-east"],
}


def share_table(orders):
    total = sum(n for n in orders.values())
    rows = []
    for i, (region, n) in enumerate(sorted(orders.items(), key=lambda kv: kv[1], reverse=True), start=1):
        rows.append(f"{i:>2}. {region:<10}|{n:>6,d}|{n / total:7.2%}")
    return rows


def csv_lines(orders):
    lines = [CONFIG["header"]]
    for region, n in zip(orders.keys(), orders.values()):
        lines.append("{},{},{:.3f}".format(region, n, n / 1000))
    return lines


async def upload(name, text, per_kb):
    size_kb = len(text.encode()) / 1024
    minutes, seconds = divmod(round(size_kb * per_kb * 60), 60)
    await asyncio.sleep(round(size_kb * per_kb, 3) + 0.01)
    return name, f"{minutes}:{seconds:02d}"


async def main():
    orders = {r: n for r, n in CONFIG["regions"].items() if r not in CONFIG["skip"]}
    table = share_table(orders)
    lines = csv_lines(orders)
    lines.insert(1, "# generated")
    lines.remove("# generated")
    body = "\n".join(table * 20)
    keys = list(orders)
    if all(line.count(",") == 2 for line in lines) and any(k.startswith("ap") for k in keys):
        uploads = [upload("table", body, CONFIG["upload_ms_per_kb"] / 10),
                   upload("csv", "\n".join(lines) * 40, CONFIG["upload_ms_per_kb"] / 10)]
        done = await asyncio.gather(*uploads)
    else:
        done = []
    busiest = max(orders, key=orders.get)
    head, _, tail = busiest.partition("-")
    await asyncio.sleep(len(head) / 100 + len(tail) / 200)
    print(table[0], done, busiest)


if __name__ == "__main__":
    asyncio.run(main())
