from .backup import BackupManager


class MetadataEditor:
    def __init__(self):
        self.backup_manager = BackupManager()

    def write_metadata(self, path: str, tags: dict, backup: bool = True) -> bool:
        if backup:
            self.backup_manager.create_backup(path)
        return bool(tags)
