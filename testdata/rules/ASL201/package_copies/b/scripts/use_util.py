# A script directory beside b's copy (not a package): `pkg` is b's own, as
# pytest or python run in b/ would import it. (Not named as a test module:
# those are not checked for blocking calls by default.)
from pkg.util import fetch, load


async def fetch_and_load():
    fetch("k")
    load("k")  # want: ASL201 "`load\(\)` blocks the event loop"
