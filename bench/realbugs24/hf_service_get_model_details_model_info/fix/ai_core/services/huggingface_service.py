import aiohttp
import asyncio
from typing import List, Optional
from huggingface_hub import HfApi  # type: ignore
import logging

try:
    from apps.ai_core.ai_core.db.models import (
        ModelInfoShort,
        ModelInfoDetailed,
        GGUFProvider,
        SearchFilters,
        TaskType,
        SortType,
    )
except ModuleNotFoundError:
    from ai_core.db.models import (
        ModelInfoShort,
        ModelInfoDetailed,
        GGUFProvider,
        SearchFilters,
        TaskType,
        SortType,
    )

logger = logging.getLogger(__name__)


class HuggingFaceService:
    """Service for interacting with Hugging Face Hub API"""

    def __init__(self, token: Optional[str] = None):
        """Initialize HuggingFace service

        Args:
            token: Optional HF API token for authenticated requests
        """
        try:
            from apps.ai_core.ai_core.config.settings import config
        except ModuleNotFoundError:
            from ai_core.config.settings import config

        # Use config token if not provided
        if token is None:
            token = config.hf_token

        self.hf_api = HfApi(token=token)
        self.session: Optional[aiohttp.ClientSession] = None

        # Use trusted GGUF providers from configuration
        self.trusted_gguf_providers = config.trusted_gguf_providers

    async def __aenter__(self):
        """Async context manager entry"""
        self.session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        """Async context manager exit"""
        if self.session:
            await self.session.close()

    async def get_model_details(
            self, author: str, model_name: str
    ) -> ModelInfoDetailed:
        repo_id = f"{author}/{model_name}"

        try:
            logger.info(f"Getting model details for {repo_id}")

            # FIX: Wrap blocking call
            model_info = await asyncio.to_thread(
                self.hf_api.model_info,
                repo_id
            )

            # Get README content
            readme_content = await self._get_model_readme(repo_id)

            # Convert to our detailed model
            detailed_model = await self._convert_to_model_info_detailed(
                model_info, readme_content
            )

            logger.info(f"Retrieved details for {repo_id}")
            return detailed_model

        except Exception as e:
            logger.error(f"Failed to get model details for {repo_id}: {e}")
            raise

    async def _get_model_readme(self, repo_id: str) -> Optional[str]:
        """Get README content for a model"""
        try:
            # FIX: Wrap blocking calls
            files = await asyncio.to_thread(
                self.hf_api.list_repo_files,
                repo_id
            )

            readme_files = [f for f in files if f.lower().startswith("readme")]
            if not readme_files:
                return None

            readme_file = readme_files[0]
            content_path = await asyncio.to_thread(
                self.hf_api.hf_hub_download,
                repo_id=repo_id,
                filename=readme_file,
                repo_type="model"
            )

            # File reading is also blocking
            def read_file():
                with open(content_path, "r", encoding="utf-8") as f:
                    return f.read()

            return await asyncio.to_thread(read_file)

        except Exception as e:
            logger.warning(f"Could not get README for {repo_id}: {e}")
            return None
