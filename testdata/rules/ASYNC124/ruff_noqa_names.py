# RUF029 is ruff's name for "async function that never awaits": a ruff
# user's `# noqa: RUF029` silences ASYNC124 as written.
import json


async def render_settings(settings):  # noqa: RUF029
    return json.dumps(settings)


async def render_report(report):  # want: ASYNC124
    return json.dumps(report)


async def render_footer(footer):  # noqa: RUF006  # want: ASYNC124
    return json.dumps(footer)
