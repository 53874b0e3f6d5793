from .source_shell import SourceShell  # noqa: F401
