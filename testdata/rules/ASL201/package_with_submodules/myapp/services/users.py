from ..utils.http import get_json
from myapp.utils import files


class UserRepo:
    base = "https://api.example.com"

    def find(self, user_id):
        return get_json(f"{self.base}/users/{user_id}")

    def export(self, path):
        files.ensure_dir(path)
        return path


def get_user(user_id):
    return UserRepo().find(user_id)
