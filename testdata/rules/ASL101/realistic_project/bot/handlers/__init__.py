from .chat import on_message

__all__ = ["on_message"]
