from .parse import parse
from .store import Store
