"""
Chat API Routes for AI Assistant

Provides endpoints for conversing with the AI assistant to create and manage estimates.
"""
import json
from typing import Optional, List, Dict, Any
from fastapi import APIRouter, Request, HTTPException, Depends
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.database import get_db
from app.auth.databricks_auth import get_current_user
from app.external_api import get_user_token
from app.services.ai_agent import create_agent, EstimateAgent
from app.config import log_info, log_warning, log_error


router = APIRouter(prefix="/chat", tags=["AI Assistant"])


# In-memory conversation storage (for MVP - should use Redis/DB in production)
_conversation_agents: Dict[str, EstimateAgent] = {}


@router.delete("/{conversation_id}")
async def clear_conversation(
    conversation_id: str,
    request: Request
):
    """Clear a conversation's history and state."""
    if conversation_id in _conversation_agents:
        _conversation_agents[conversation_id].reset()
        del _conversation_agents[conversation_id]

    return {"success": True, "message": "Conversation cleared"}


@router.post("/{conversation_id}/apply")
async def apply_estimate(
    conversation_id: str,
    request: Request,
    db: Session = Depends(get_db)
):
    """
    Apply the AI-generated estimate to create actual database records.

    This converts the draft estimate and workloads into real saved records.
    """
    from app.models.estimate import Estimate
    from app.models.line_item import LineItem
    from app.auth.databricks_auth import get_current_user

    if conversation_id not in _conversation_agents:
        raise HTTPException(status_code=404, detail="Conversation not found")

    agent = _conversation_agents[conversation_id]

    if not agent.current_estimate:
        raise HTTPException(status_code=400, detail="No estimate to apply")

    try:
        # Get current user
        user = get_current_user(request, db)

        # Get estimate name (support both 'name' and 'estimate_name')
        est_name = agent.current_estimate.get("name") or agent.current_estimate.get("estimate_name", "AI Generated Estimate")

        # Create the estimate
        estimate = Estimate(
            estimate_name=est_name,  # Use correct field name
            cloud=agent.current_estimate.get("cloud", "aws"),
            region=agent.current_estimate.get("region", "us-east-1"),
            tier="PREMIUM",
            description=agent.current_estimate.get("description", "Created by AI Assistant"),
            owner_user_id=user.user_id
        )
        db.add(estimate)
        db.flush()  # Get the estimate_id

        created_workloads = []
        workloads_to_create = agent.proposed_workloads if agent.proposed_workloads else []
        for workload in workloads_to_create:
            line_item = LineItem(
                estimate_id=estimate.estimate_id,
                workload_name=workload["workload_name"],
                workload_type=workload["workload_type"],
                notes=f"Created by AI Assistant"
            )
            db.add(line_item)
            created_workloads.append(workload["workload_name"])

        db.commit()

        # Clear the conversation after successful apply
        agent.reset()

        return {
            "success": True,
            "estimate_id": str(estimate.estimate_id),
            "estimate_name": estimate.estimate_name,
            "workloads_created": len(created_workloads),
            "message": f"Created estimate '{estimate.estimate_name}' with {len(created_workloads)} workloads"
        }

    except Exception as e:
        db.rollback()
        log_error(f"Apply estimate error: {e}")
        raise HTTPException(
            status_code=500,
            detail=f"Failed to create estimate: {str(e)}"
        )
