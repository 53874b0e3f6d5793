# A first base without the attribute.
import abc


class BaseWorker(abc.ABC):
    pass
