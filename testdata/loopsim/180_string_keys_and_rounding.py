# Durations from string processing: word counts, rounding, str.join and
# conditional expressions chained.
import asyncio

DOCS = ["the quick brown fox", "jumps over", "the lazy dog sleeps all day long"]


def cost_of(text: str) -> float:
    words = len(text.split())
    return round(0.01 * words, 3) if words < 5 else 0.05 if words < 7 else 0.08


async def index(text: str) -> int:
    await asyncio.sleep(cost_of(text))
    return len(text)


async def main():
    sizes = await asyncio.gather(*map(index, DOCS))
    joined = " ".join(DOCS)
    await asyncio.sleep(cost_of(joined))
    print(sizes)


if __name__ == "__main__":
    asyncio.run(main())
