"""
Session Memory Service for Oprina - FIXED VERSION

This module provides session state management using ADK's DatabaseSessionService
with Supabase as the backend. Handles current conversation context and agent
coordination state that needs to persist across app restarts.

Key Features:
- Persistent session state via Supabase
- Agent context management
- User preference storage
- Email context tracking
- Session lifecycle management
"""

import uuid, sys, os, time
sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from services.logging.logger import setup_logger
from typing import Any, Dict, List, Optional, Union
from datetime import datetime, timedelta

from google.adk.sessions import DatabaseSessionService
from google.adk.sessions.state import State
from google.adk.events import Event, EventActions

from config.settings import settings


class SessionMemoryService:
    """
    Session memory service using ADK DatabaseSessionService with Supabase backend.
    Manages persistent session state for agent coordination and user context.
    """
    
    def __init__(self):
        """Initialize session memory service."""
        self.logger = setup_logger("session_memory", console_output=True)
        self.logger.info("session memory logging initialized")
        self._session_service = None
        self._connection_string = None
        
        # Session configuration
        self.app_name = "oprina"
        self.session_timeout_hours = settings.SESSION_TIMEOUT_HOURS
        
        # Initialize connection
        self._initialize_service()
    
    def _initialize_service(self):
        """Initialize the ADK DatabaseSessionService."""
        try:
            # Build Supabase connection string for PostgreSQL
            self._connection_string = self._build_supabase_connection_string()
            
            # Create ADK DatabaseSessionService
            self._session_service = DatabaseSessionService(
                db_url=self._connection_string
            )
            
            self.logger.info("Session memory service initialized with Supabase")
            
        except Exception as e:
            self.logger.error(f"Failed to initialize session memory service: {e}")
            raise
    
    def _build_supabase_connection_string(self) -> str:
        """
        Build PostgreSQL connection string for Supabase.
        
        Note: This requires the database password which should be stored
        in environment variables for security.
        """
        # Extract project ID from Supabase URL
        import re
        import urllib.parse
        
        match = re.match(r'https://([^.]+)\.supabase\.co', settings.SUPABASE_URL)
        if not match:
            raise ValueError(f"Invalid Supabase URL format: {settings.SUPABASE_URL}")
        
        project_id = match.group(1)
        
        # URL encode the password to handle special characters
        db_password = urllib.parse.quote_plus(settings.SUPABASE_DATABASE_PASSWORD)
        
        # Construct PostgreSQL connection string
        connection_string = (
            f"postgresql://postgres.{project_id}:{db_password}@aws-0-us-west-1.pooler.supabase.com:6543/postgres"
            "?sslmode=require"
        )
        
        return connection_string
    
    def is_ready(self) -> bool:
        """Check if session service is ready."""
        return self._session_service is not None
    
    # =============================================================================
    # Session Lifecycle Management - FIXED ASYNC METHODS
    # =============================================================================
    
    async def create_session(self, user_id: str, session_id: Optional[str] = None) -> str:
        """
        Create a new session - ONLY for new sessions.
        
        Args:
            user_id: User identifier
            session_id: Optional session ID (generated if None)
            
        Returns:
            Session ID
        """
        if not self.is_ready():
            raise RuntimeError("Session service not ready")
        
        try:
            # Generate session ID if not provided
            if session_id is None:
                session_id = f"oprina_{user_id}_{uuid.uuid4().hex[:8]}"
            
            # Check if session already exists
            try:
                existing_session = await self._session_service.get_session(
                    app_name=self.app_name,
                    user_id=user_id,
                    session_id=session_id
                )
                
                if existing_session:
                    self.logger.info(f"Session {session_id} already exists, returning existing session")
                    return session_id
            except Exception:
                # Session doesn't exist, continue with creation
                pass
            
            # Create session with initial state ONLY if it doesn't exist
            initial_state = self._get_initial_state(user_id)
            
            session = await self._session_service.create_session(
                app_name=self.app_name,
                user_id=user_id,
                session_id=session_id,
                state=initial_state
            )
            
            self.logger.info(f"Created NEW session {session_id} for user {user_id}")
            return session.id
            
        except Exception as e:
            self.logger.error(f"Failed to create session: {e}")
            raise

    async def get_session(self, user_id: str, session_id: str) -> Optional[State]:
        """
        Get session state.
        
        Args:
            user_id: User identifier
            session_id: Session identifier
            
        Returns:
            Session state or None if not found
        """
        if not self.is_ready():
            return None
        
        try:
            session = await self._session_service.get_session(
                app_name=self.app_name,
                user_id=user_id,
                session_id=session_id
            )
            
            if session:
                # # Update last activity timestamp using the correct method
                # await self.update_session_state(user_id, session_id, {
                #     "last_activity": datetime.utcnow().isoformat()
                # })
                
                # # Return the session (it will have updated state)
                # updated_session = await self._session_service.get_session(
                #     app_name=self.app_name,
                #     user_id=user_id,
                #     session_id=session_id
                # )
                return session
            
            return None
            
        except Exception as e:
            self.logger.error(f"Failed to get session {session_id}: {e}")
            return None

    async def delete_session(self, user_id: str, session_id: str) -> bool:
        """
        Delete a session.
        
        Args:
            user_id: User identifier
            session_id: Session identifier
            
        Returns:
            True if successful
        """
        if not self.is_ready():
            return False
        
        try:
            # Note: ADK DatabaseSessionService might not have direct delete method
            # We can mark session as deleted or implement cleanup logic
            # FIXED: Add await here
            await self._session_service.delete_session(  # Add await
                app_name=self.app_name,
                user_id=user_id,
                session_id=session_id
            )
            
            self.logger.info(f"Marked session {session_id} as deleted")
            return True
            
        except Exception as e:
            self.logger.error(f"Failed to delete session: {e}")
            return False
    
    async def list_user_sessions(self, user_id: str, active_only: bool = True) -> List[Dict[str, Any]]:
        """
        List sessions for a user.
        
        Args:
            user_id: User identifier
            active_only: Only return active sessions
            
        Returns:
            List of session information
        """
        if not self.is_ready():
            return []
        
        try:
            # FIXED: Add await here
            sessions_response = await self._session_service.list_sessions(
                app_name=self.app_name,
                user_id=user_id
            )
            
            sessions = []
            for session in sessions_response.sessions:
                # FIXED: Add await here
                session_data = await self.get_session(user_id, session.id)
                if session_data:
                    # Check if session is active
                    is_deleted = session_data.state.get("deleted", False)
                    if active_only and is_deleted:
                        continue
                    
                    # Check session age
                    last_activity = session_data.state.get("last_activity")
                    if last_activity:
                        last_activity_dt = datetime.fromisoformat(last_activity.replace('Z', '+00:00'))
                        hours_since_activity = (datetime.utcnow() - last_activity_dt).total_seconds() / 3600
                        
                        if active_only and hours_since_activity > self.session_timeout_hours:
                            continue
                    
                    sessions.append({
                        "session_id": session.id,
                        "created_at": session_data.state.get("created_at"),
                        "last_activity": last_activity,
                        "gmail_connected": session_data.state.get("gmail_connected", False),
                        "conversation_count": len(session_data.state.get("conversation_history", [])),
                        "user_name": session_data.state.get("user_name", "")
                    })
            
            return sessions
            
        except Exception as e:
            self.logger.error(f"Failed to list sessions for user {user_id}: {e}")
            return []


# =============================================================================
# Singleton instance and utility functions
# =============================================================================

# Global session memory instance
_session_memory_instance = None


def get_session_memory() -> SessionMemoryService:
    """Get singleton session memory instance."""
    global _session_memory_instance
    if _session_memory_instance is None:
        _session_memory_instance = SessionMemoryService()
    return _session_memory_instance
