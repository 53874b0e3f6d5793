from .action import Action

__all__ = ["Action"]
