from pkg import Store, load
from pkg.store import helper
import pkg.store as store_mod


async def main():
    load("a")  # want: ASL102
    store_mod.load("b")  # want: ASL102
    s = Store()
    s.get("k")  # want: ASL102
    helper()
    await load("c")
    await s.get("k")
