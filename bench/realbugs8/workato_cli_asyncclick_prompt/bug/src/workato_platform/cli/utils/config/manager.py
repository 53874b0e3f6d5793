"""Main configuration manager with simplified workspace rules."""

import json
import sys
from pathlib import Path
from typing import Optional

import asyncclick as click
import inquirer
from urllib.parse import urlparse

from workato_platform import Workato
from workato_platform.cli.commands.projects.project_manager import ProjectManager
from workato_platform.client.workato_api.configuration import Configuration

from .models import AVAILABLE_REGIONS, ConfigData, ProfileData, ProjectInfo, RegionInfo
from .profiles import ProfileManager, _validate_url_security
from .workspace import WorkspaceManager


class ConfigManager:
    """Simplified configuration manager with clear workspace rules"""

    def __init__(self, config_dir: Optional[Path] = None, skip_validation: bool = False):
        start_path = config_dir or Path.cwd()
        self.workspace_manager = WorkspaceManager(start_path)

        # If explicit config_dir provided, use it directly
        if config_dir:
            self.config_dir = config_dir
        else:
            # Find nearest .workatoenv file and use that directory as config directory
            nearest_config = self.workspace_manager.find_nearest_workatoenv()
            self.config_dir = nearest_config or start_path

        self.profile_manager = ProfileManager()

        # Validate credentials unless skipped
        if not skip_validation:
            self._validate_credentials_or_exit()

    @classmethod
    async def initialize(
        cls,
        config_dir: Optional[Path] = None,
        profile_name: str | None = None,
        region: str | None = None,
        api_token: str | None = None,
        api_url: str | None = None,
        project_name: str | None = None,
        project_id: int | None = None,
    ) -> "ConfigManager":
        """Initialize workspace with interactive or non-interactive setup"""
        if profile_name and region and api_token:
            click.echo("🚀 Welcome to Workato CLI (Non-interactive mode)")
        else:
            click.echo("🚀 Welcome to Workato CLI")
        click.echo()

        # Create manager without validation for setup
        manager = cls(config_dir, skip_validation=True)

        # Validate we're not in a project directory
        manager.workspace_manager.validate_not_in_project()

        if profile_name and region and api_token:
            # Non-interactive setup
            await manager._setup_non_interactive(
                profile_name=profile_name,
                region=region,
                api_token=api_token,
                api_url=api_url,
                project_name=project_name,
                project_id=project_id,
            )
        else:
            # Run setup flow
            await manager._run_setup_flow()

        return manager

    async def _run_setup_flow(self) -> None:
        """Run the complete setup flow"""
        workspace_root = self.workspace_manager.find_workspace_root()
        self.config_dir = workspace_root

        click.echo(f"📁 Workspace root: {workspace_root}")
        click.echo()

        # Step 1: Profile setup
        profile_name = await self._setup_profile()

        # Step 2: Project setup
        await self._setup_project(profile_name, workspace_root)

        # Step 3: Create workspace files
        self._create_workspace_files(workspace_root)

        click.echo("🎉 Configuration complete!")

    async def _setup_profile(self) -> str:
        """Setup or select profile"""
        click.echo("📋 Step 1: Configure profile")

        existing_profiles = self.profile_manager.list_profiles()
        profile_name: str | None = None

        if existing_profiles:
            choices = list(existing_profiles.keys()) + ["Create new profile"]
            questions = [
                inquirer.List(
                    "profile_choice",
                    message="Select a profile",
                    choices=choices,
                )
            ]

            answers: dict[str, str] = inquirer.prompt(questions)
            if not answers:
                click.echo("❌ No profile selected")
                sys.exit(1)

            if answers["profile_choice"] == "Create new profile":
                profile_name = click.prompt("Enter new profile name", type=str).strip()
                if not profile_name:
                    click.echo("❌ Profile name cannot be empty")
                    sys.exit(1)
                await self._create_new_profile(profile_name)
            else:
                profile_name = answers["profile_choice"]
        else:
            profile_name = click.prompt(
                "Enter profile name", default="default", type=str
            ).strip()
            if not profile_name:
                click.echo("❌ Profile name cannot be empty")
                sys.exit(1)
            await self._create_new_profile(profile_name)

        # Set as current profile
        self.profile_manager.set_current_profile(profile_name)
        click.echo(f"✅ Profile: {profile_name}")

        return profile_name

    async def _create_new_profile(self, profile_name: str) -> None:
        """Create a new profile interactively"""
        # AVAILABLE_REGIONS and RegionInfo already imported at top

        # Region selection
        click.echo("📍 Select your Workato region")
        regions = list(AVAILABLE_REGIONS.values())
        choices = []

        for region in regions:
            if region.region == "custom":
                choice_text = "Custom URL"
            else:
                choice_text = f"{region.name} ({region.url})"
            choices.append(choice_text)

        questions = [
            inquirer.List(
                "region",
                message="Select your Workato region",
                choices=choices,
            ),
        ]

        answers = inquirer.prompt(questions)
        if not answers:
            click.echo("❌ Setup cancelled")
            sys.exit(1)

        selected_index = choices.index(answers["region"])
        selected_region = regions[selected_index]

        # Handle custom URL
        if selected_region.region == "custom":
            custom_url = click.prompt(
                "Enter your custom Workato base URL",
                type=str,
                default="https://www.workato.com",
            )
            selected_region = RegionInfo(region="custom", name="Custom URL", url=custom_url)

        # Get API token
        click.echo("🔐 Enter your API token")
        token = click.prompt("Enter your Workato API token", hide_input=True)
        if not token.strip():
            click.echo("❌ No token provided")
            sys.exit(1)

        # Test authentication and get workspace info
        api_config = Configuration(access_token=token, host=selected_region.url)
        api_config.verify_ssl = False

        async with Workato(configuration=api_config) as workato_api_client:
            user_info = await workato_api_client.users_api.get_workspace_details()

        # Create and save profile
        profile_data = ProfileData(
            region=selected_region.region,
            region_url=selected_region.url,
            workspace_id=user_info.id,
        )

        self.profile_manager.set_profile(profile_name, profile_data, token)
        click.echo(f"✅ Authenticated as: {user_info.name}")
