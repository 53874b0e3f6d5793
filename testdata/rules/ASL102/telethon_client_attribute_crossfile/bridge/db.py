# A class bound to a second name by assignment (django-channels'
# `database_sync_to_async = DatabaseSyncToAsync`): calling the name
# constructs, it does not run the class's async __call__.
from asgiref.sync import SyncToAsync


class DatabaseSyncToAsync(SyncToAsync):
    pass


database_sync_to_async = DatabaseSyncToAsync
