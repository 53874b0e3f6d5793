"""An integration that puts its own directory on sys.path and imports its
inner package of the same name (the name means the inner package at run
time, not this module)."""
import site
from pathlib import Path

package_dir = Path(__file__).resolve().parents[0]
site.addsitedir(str(package_dir))
from waste_pickup import SourceShell  # noqa: E402


class Api:
    def __init__(self):
        self.shells = []

    def add_source(self, name, args):
        shell = SourceShell.create(name, args)
        self.shells.append(shell)
        return shell


async def async_setup(hass, config):
    api = Api()
    for source in config["sources"]:
        api.add_source(source["name"], source["args"])  # want: ASL201 "reaches blocking `importlib.import_module\(\)` via"
    return True
