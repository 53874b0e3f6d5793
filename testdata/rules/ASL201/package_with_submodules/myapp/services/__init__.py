from .users import UserRepo, get_user

__all__ = ["UserRepo", "get_user"]
