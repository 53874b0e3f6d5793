from .dispatch import Dispatcher
from .channels import CHANNELS

__all__ = ["Dispatcher", "CHANNELS"]
