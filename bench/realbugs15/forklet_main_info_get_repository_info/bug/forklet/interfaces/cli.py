# src/github_downloader/interfaces/cli.py
"""
Command-line interface for Forklet GitHub Repository Downloader.
"""

import click
import sys
from pathlib import Path
from typing import List, Optional, Tuple

from forklet.core import DownloadOrchestrator
from forklet.services import GitHubAPIService, DownloadService
from forklet.infrastructure import (
    RateLimiter, RetryManager, DownloadError, 
    RateLimitError, AuthenticationError, RepositoryNotFoundError
)
from forklet.infrastructure.logger import logger
from forklet.models import (
    DownloadRequest, DownloadStrategy, FilterCriteria,
    DownloadResult
)


####
##      FOKLET CLI
#####
class ForkletCLI:
    """Main CLI application class."""
    
    def __init__(self):
        self.rate_limiter = RateLimiter()
        self.retry_manager = RetryManager()
        self.github_service: Optional[GitHubAPIService] = None
        self.download_service: Optional[DownloadService] = None
        self.orchestrator: Optional[DownloadOrchestrator] = None
    
    def initialize_services(
        self, auth_token: Optional[str] = None
    ) -> None:
        """Initialize all services with optional authentication."""

        self.github_service = GitHubAPIService(
            self.rate_limiter, self.retry_manager, auth_token
        )
        self.download_service = DownloadService(self.retry_manager)
        self.orchestrator = DownloadOrchestrator(
            self.github_service, self.download_service
        )
    
    def parse_repository_string(self, repo_str: str) -> Tuple[str, str]:
        """
        Parse repository string in format owner/repo.
        
        Args:
            repo_str: Repository string
            
        Returns:
            Tuple of (owner, repo)
            
        Raises:
            click.BadParameter: If format is invalid
        """

        if '/' not in repo_str:
            raise click.BadParameter(
                "Repository must be in format 'owner/repo'"
            )
        
        parts = repo_str.split('/')
        if len(parts) != 2:
            raise click.BadParameter(
                "Repository must be in format 'owner/repo'"
            )
        
        return parts[0], parts[1]
