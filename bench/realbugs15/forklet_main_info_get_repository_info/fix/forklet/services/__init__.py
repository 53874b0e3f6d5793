from .github_api import GitHubAPIService
