"""Language models package (ours: the base class chatgpt.py imports, reduced)."""

import logging
from abc import ABC, abstractmethod


class AbstractLanguageModel(ABC):
    def __init__(self, config_path: str = "", model_name: str = "", cache: bool = False) -> None:
        self.logger = logging.getLogger(self.__class__.__name__)
        self.config = {}
        self.model_name = model_name
        self.cache = cache
        self.response_cache = {}
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.cost = 0.0

    @abstractmethod
    def query(self, query: str, num_query: int = 1):
        pass
