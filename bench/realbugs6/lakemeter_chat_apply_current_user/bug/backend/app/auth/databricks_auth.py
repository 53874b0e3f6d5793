"""
Databricks Apps Authentication

When deployed as a Databricks App, the platform handles user authentication.
User information is passed via HTTP headers:
- X-Forwarded-Email: User's email address
- X-Forwarded-User: User's display name
- X-Forwarded-Access-Token: OAuth token (if needed for API calls)
"""
import os
from datetime import datetime
from typing import Optional, TYPE_CHECKING, Generator
from uuid import uuid4
from fastapi import Request, HTTPException, Depends
from sqlalchemy.orm import Session

from app.config import log_info

# Import User model only for type checking to avoid circular import
if TYPE_CHECKING:
    from app.models.user import User


EMAIL_HEADERS = [
    "X-Forwarded-Email",
    "x-forwarded-email",
    "X-Forwarded-Preferred-Username",
    "x-forwarded-preferred-username",
]
USER_HEADERS = [
    "X-Forwarded-User",
    "x-forwarded-user",
    "X-Forwarded-Name",
    "x-forwarded-name",
]

# Environment variable for local development
LOCAL_DEV_EMAIL = os.getenv("LOCAL_DEV_EMAIL")


def get_user_from_headers(request: Request) -> tuple[Optional[str], Optional[str]]:
    """
    Extract user info from request headers.

    Returns:
        Tuple of (email, display_name)
    """
    email = None
    display_name = None

    for header in EMAIL_HEADERS:
        email = request.headers.get(header)
        if email:
            break

    for header in USER_HEADERS:
        display_name = request.headers.get(header)
        if display_name:
            break

    if not email and LOCAL_DEV_EMAIL:
        email = LOCAL_DEV_EMAIL
        display_name = LOCAL_DEV_EMAIL.split("@")[0]

    return email, display_name


def get_or_create_user(db: Session, email: str, full_name: Optional[str] = None) -> "User":
    """Get existing user by email or create a new one."""
    # Import User here to avoid circular import
    from app.models.user import User

    user = db.query(User).filter(User.email == email).first()
    if user:
        return user

    user = User(
        user_id=uuid4(),
        email=email,
        full_name=full_name,
        role="user",
        is_active=True,
        last_login_at=datetime.utcnow()
    )
    db.add(user)
    db.commit()
    db.refresh(user)

    log_info(f"Created new user: {email}")
    return user


def _get_db() -> Generator[Session, None, None]:
    """Get database session - avoids circular import."""
    from app.database import get_db
    yield from get_db()


async def get_current_user(
    request: Request,
    db: Session = Depends(_get_db)
) -> "User":
    """
    FastAPI dependency to get the current authenticated user.

    Raises:
        HTTPException 401 if not authenticated
    """
    email, display_name = get_user_from_headers(request)

    if not email:
        raise HTTPException(
            status_code=401,
            detail="Not authenticated. Please access through Databricks Apps.",
            headers={"WWW-Authenticate": "Bearer"}
        )

    user = get_or_create_user(db, email, display_name)

    if not user.is_active:
        raise HTTPException(
            status_code=403,
            detail="User account is disabled"
        )

    return user
