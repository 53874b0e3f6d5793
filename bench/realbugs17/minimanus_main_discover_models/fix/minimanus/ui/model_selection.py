#!/usr/bin/env python3
# -*- coding: utf-8 -*-

"""
Model Selection Interface for miniManus

This module implements the Model Selection Interface component, which provides
methods for discovering, managing, and selecting LLM models from various providers.
"""

import os
import sys
import logging
import asyncio
import json
import re
from typing import Dict, List, Optional, Any, Callable, Union
from enum import Enum, auto
from pathlib import Path

# Import local modules
try:
    from ..core.event_bus import EventBus, Event, EventPriority
    from ..core.error_handler import ErrorHandler, ErrorCategory, ErrorSeverity
    from ..core.config_manager import ConfigurationManager
    # UIManager might not be strictly needed here unless interacting directly with UI elements
    # from ..ui.ui_manager import UIManager
    from ..api.api_manager import APIManager, APIProvider
except ImportError as e:
    logging.getLogger("miniManus.ModelSelectionInterface").critical(f"Failed to import required modules: {e}", exc_info=True)
    sys.exit(f"ImportError in model_selection.py: {e}. Ensure all components exist.")


logger = logging.getLogger("miniManus.ModelSelectionInterface")

class ModelSelectionInterface:
    """
    Manages discovery, selection, and configuration of LLM models.

    Handles:
    - Discovering models from configured API providers.
    - Storing model information.
    - Managing favorite and recent models.
    - Providing methods to query and filter models.
    """

    _instance = None  # Singleton instance

    @classmethod
    def get_instance(cls) -> 'ModelSelectionInterface':
        """Get or create the singleton instance."""
        if cls._instance is None:
            cls._instance = ModelSelectionInterface()
        return cls._instance

    def __init__(self):
        """Initialize the ModelSelectionInterface."""
        if ModelSelectionInterface._instance is not None:
            raise RuntimeError("ModelSelectionInterface is a singleton. Use get_instance() instead.")

        self.logger = logger
        self.event_bus = EventBus.get_instance()
        self.error_handler = ErrorHandler.get_instance()
        self.config_manager = ConfigurationManager.get_instance()
        self.api_manager = APIManager.get_instance()

        # Model registry: Store ModelInfo objects, keyed by model ID
        self.models: Dict[str, ModelInfo] = {}
        self._models_lock = asyncio.Lock() # Use asyncio lock for async operations

        # User preferences for models
        self.favorite_models: List[str] = []
        self.recent_models: List[str] = []
        self.max_recent_models = self.config_manager.get_config("models.max_recents", 10)

        self.logger.info("ModelSelectionInterface initialized")

    def startup(self) -> None:
        """Start the model selection interface."""
        self._load_preferences() # Load favorites and recents from config

        # Subscribe to relevant events after startup
        self.event_bus.subscribe("models.discovered", self._handle_models_discovered)
        self.event_bus.subscribe("models.selected", self._handle_model_selected)

        self.logger.info("ModelSelectionInterface started")

    def shutdown(self) -> None:
        """Stop the model selection interface."""
        self._save_preferences() # Save favorites and recents
        self.logger.info("ModelSelectionInterface stopped")

    async def discover_models(self) -> None:
        """Discover available models from all enabled and available providers."""
        self.logger.info("Starting model discovery...")
        discovered_count = 0
        all_provider_models = {} # Store models per provider temporarily

        tasks = []
        for provider in APIProvider:
            if provider == APIProvider.CUSTOM: continue # Skip custom for now

            # Check if provider is generally enabled in config (optional)
            if not self.config_manager.get_config(f"api.providers.{provider.name.lower()}.enabled", True):
                 self.logger.info(f"Skipping model discovery for disabled provider: {provider.name}")
                 continue

            adapter = self.api_manager.get_adapter(provider)
            if not adapter or not hasattr(adapter, 'get_available_models'):
                self.logger.warning(f"No adapter or get_available_models method for provider: {provider.name}")
                continue

            # Create a task to fetch models for this provider
            tasks.append(self._discover_provider_models(provider, adapter))

        # Run discovery tasks concurrently
        results = await asyncio.gather(*tasks, return_exceptions=True)

        # Process results and update registry
        async with self._models_lock:
            self.models.clear() # Clear existing models before adding newly discovered ones
            for provider, result in results:
                if isinstance(result, Exception):
                    self.logger.error(f"Error discovering models for {provider.name}: {result}")
                    self.error_handler.handle_error(result, ErrorCategory.API, ErrorSeverity.WARNING, {"provider": provider.name, "action": "discover_models"})
                elif isinstance(result, list):
                    self.logger.info(f"Discovered {len(result)} models from {provider.name}")
                    for model_data in result:
                        model = self._create_model_info_from_data(provider, model_data)
                        if model:
                            self.models[model.id] = model
                            discovered_count += 1
                else:
                    self.logger.warning(f"Unexpected result type for {provider.name} discovery: {type(result)}")

        self.logger.info(f"Model discovery complete. Total models registered: {discovered_count}")
        # Publish event after all discoveries are processed
        self.event_bus.publish_event("models.discovered", {"count": discovered_count})

    async def _discover_provider_models(self, provider: APIProvider, adapter: Any) -> Tuple[APIProvider, Any]:
        """Helper coroutine to discover models for a single provider."""
        try:
            models_data = await adapter.get_available_models()
            return provider, models_data
        except Exception as e:
             self.logger.error(f"Exception during model discovery for {provider.name}: {e}", exc_info=False) # Avoid excessive traceback logs here
             return provider, e # Return exception to be handled by gather
