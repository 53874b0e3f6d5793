# atlassian-python-api's clients (Jira, Confluence, Bitbucket, ServiceDesk)
# are AtlassianRestAPI subclasses: every public method is a request through
# a requests session, whatever its name (metronix's Jira connector paged
# with `enhanced_jql` in `async def fetch`). The base's helpers that only
# format, log, check a response or close the session are not.
import asyncio

from atlassian import Bitbucket, Confluence, Jira


class JiraConnector:
    def __init__(self) -> None:
        self._client = None

    async def configure(self, config):
        from atlassian import Jira

        self._client = Jira(url=config["url"], username=config["username"], password=config["token"], cloud=True)

    async def fetch(self, jql):
        results = self._client.enhanced_jql(jql, limit=50)  # want: ASL202 "atlassian\.Jira\.enhanced_jql"
        return results.get("issues", [])

    async def health_check(self):
        self._client.get_all_projects(included_archived=None)  # want: ASL202
        return True

    async def offloaded(self, jql):
        return await asyncio.to_thread(self._client.enhanced_jql, jql, limit=50)  # quiet: in a thread


async def pages(confluence: Confluence, space):
    return confluence.get_all_pages_from_space(space, start=0, limit=100)  # want: ASL202


async def repos(bitbucket: Bitbucket, project):
    return bitbucket.repo_list(project)  # want: ASL202


# Quiet: the base class's helpers send nothing.
async def helpers(jira: Jira, response):
    url = jira.resource_url("issue")
    jira.log_curl_debug("GET", url)
    jira.raise_for_status(response)
    jira.close()
    return jira.url_joiner(jira.url, url)


def sync_fetch(jira: Jira, jql):
    return jira.enhanced_jql(jql)
