from .get_user import get_user
from .create_user import create_user
from .delete_user import delete_user
from .get_default_user import get_default_user
from .get_user_by_email import get_user_by_email
from .create_default_user import create_default_user
from .get_authenticated_user import get_authenticated_user
