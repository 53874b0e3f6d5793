# Annotations written `list[str] or None` and `-> list["X"] or "X"` are
# valid Python (the value of the annotation is its first operand) that
# tree-sitter-python rejects; they parse (no syntax error), and the
# functions they annotate are still checked (aiogithubapi's repository
# object, corpus36).
import asyncio
from typing import Optional


class GitHubException(Exception):
    pass


class Content:
    pass


class Repository:
    labels: list[str] or None = None

    async def get_contents(
        self, path: str, ref: str or None = None, etag: Optional[str] = None
    ) -> list["Content"] or "Content":
        try:
            return await self.client.get(path, ref=ref, etag=etag)
        except asyncio.CancelledError as exception:
            raise GitHubException(path) from exception  # want: ASYNC104

    async def create_issue(
        self,
        title: str,
        labels: list[str] or None = None,
        assignees: list[str] or None = None,
    ) -> dict[str, str] or None:
        try:
            return await self.client.post(title, labels=labels, assignees=assignees)
        except asyncio.CancelledError:
            raise
