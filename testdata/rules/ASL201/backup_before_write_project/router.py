import asyncio

from editor import MetadataEditor


# A router factory's endpoints reach a whole-file backup copy (shutil.copy2)
# through the editor the factory captures: blocking through a helper.
def create_router(editor: MetadataEditor | None = None):
    if editor is None:
        editor = MetadataEditor()

    async def update(path: str, tags: dict) -> bool:
        return editor.write_metadata(path, tags)  # want: ASL201 "`editor.write_metadata\(\)` blocks the event loop in async function `update`: it reaches blocking `shutil.copy2\(\)`"

    # Quiet: the same call run in a worker thread.
    async def update_offloaded(path: str, tags: dict) -> bool:
        return await asyncio.to_thread(editor.write_metadata, path, tags)

    return update, update_offloaded
