# A package resolver: total_ordering Version classes parsed from a JSON manifest, max() of versions, >= against a floor, chain.from_iterable download order under a Semaphore.
import asyncio
import itertools
import json
from dataclasses import dataclass, field
from functools import total_ordering


@total_ordering
@dataclass(eq=False)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def parse(cls, text):
        parts = [int(p) for p in text.lstrip("v").split(".")]
        return cls(*parts)

    def _key(self):
        return (self.major, self.minor, self.patch)

    def __eq__(self, other):
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __str__(self):
        return ".".join(map(str, self._key()))


@dataclass
class Package:
    name: str
    versions: list = field(default_factory=list)
    deps: dict = field(default_factory=dict)


MANIFEST = json.dumps({
    "web": {"versions": ["v1.2.0", "v1.10.1", "v1.9.9"], "deps": {"http": ">=2.0", "json": ""}},
    "http": {"versions": ["2.0.1", "1.9", "2.1"], "deps": {}},
    "json": {"versions": ["3"], "deps": {}},
})


async def download(pkg, version, sem, done):
    async with sem:
        await asyncio.sleep(0.01 * (version.major + version.minor / 10))
        done.append(f"{pkg.name}=={version}")


async def main():
    raw = json.loads(MANIFEST)
    pkgs = {name: Package(name, [Version.parse(v) for v in spec["versions"]], spec["deps"]) for name, spec in raw.items()}
    chosen = {name: max(p.versions) for name, p in pkgs.items()}
    floor = Version.parse("2.0")
    ok = all(chosen[d] >= floor for d, rule in pkgs["web"].deps.items() if rule.startswith(">="))
    sem = asyncio.Semaphore(2)
    done = []
    order = list(itertools.chain.from_iterable([pkgs["web"].deps, ["web"]]))
    await asyncio.gather(*(download(pkgs[n], chosen[n], sem, done) for n in order))
    if ok and chosen["web"] > Version(1, 9, 9) and Version(1, 2) <= Version.parse("1.2.0"):
        await asyncio.sleep(0.02)
    print(done, {k: str(v) for k, v in chosen.items()})


if __name__ == "__main__":
    asyncio.run(main())
