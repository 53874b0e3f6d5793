"""`from . import loader` imports this package's own submodule: a name
loader lacks is not looked up in lib/pickup_sub, which a sys.path entry
would provide only for a name the package itself cannot import."""
from . import loader


async def async_setup(hass, config):
    loader.Client().fetch()
    return loader.load(config)
