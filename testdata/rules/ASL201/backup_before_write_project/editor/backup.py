import shutil


class BackupManager:
    @staticmethod
    def create_backup(path: str) -> bool:
        shutil.copy2(path, path + ".bak")
        return True
