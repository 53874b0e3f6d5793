from base import Command as Cmd

__all__ = ["Cmd"]
