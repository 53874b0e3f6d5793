from .nightly import run_nightly

__all__ = ["run_nightly"]
