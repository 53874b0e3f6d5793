# asyncclick (click for anyio), imported under click's name: since 8.3 its
# prompt is a coroutine function, while confirm and echo stay synchronous.
import asyncclick as click


async def setup_profile():
    click.echo("Step 1")
    name = click.prompt("Enter new profile name", type=str).strip()  # want: ASL102 "method `strip\(\)` is called on the coroutine object"
    if not click.confirm("Use it?"):
        return None
    token = click.prompt("Token", hide_input=True)  # want: ASL102
    if not token.strip():
        return None
    return name, token


async def setup_awaited():
    # Quiet: awaited.
    name = (await click.prompt("Enter new profile name", type=str)).strip()
    token = await click.prompt("Token", hide_input=True)
    return name, token


def setup_sync():
    # Quiet: before asyncclick 8.3 prompt was synchronous; outside async code
    # the call is taken as it was written for that version.
    return click.prompt("Name").strip()
