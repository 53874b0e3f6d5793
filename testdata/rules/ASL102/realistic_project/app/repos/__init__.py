from .users import UserRepo
from .cache import Cache as Cache
