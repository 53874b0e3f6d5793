"""An integration that puts the project's lib/ directory on sys.path and
imports the package of its own name from there: the name means
lib/waste_pickup at run time, a module no import of the project names."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "lib"))
from waste_pickup import SourceShell  # noqa: E402


async def async_setup(hass, config):
    for source in config["sources"]:
        SourceShell.create(source["name"])  # want: ASL201 "reaches blocking `importlib.import_module\(\)`|calls blocking `importlib.import_module\(\)`"
    return True
