from .store import Store, load
