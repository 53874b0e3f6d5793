# Tests beside b's copy (not a package): `pkg` is b's own, as pytest run in
# b/ would import it.
from pkg.util import fetch, load


async def test_fetch_and_load():
    fetch("k")
    load("k")  # want: ASL201 "`load\(\)` blocks the event loop"
