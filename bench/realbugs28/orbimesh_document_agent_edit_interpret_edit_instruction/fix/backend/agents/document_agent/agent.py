"""
Document Agent - Main Orchestrator

Coordinates all document operations and manages the complete lifecycle.
Designed for cloud deployment with efficient resource management.
"""

import logging
import time
import os
import hashlib
import re
from typing import Dict, Any, Optional, List
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor, as_completed
from threading import Lock

# Import AgentResponseStatus from backend root schemas
# Note: agents/document_agent/agent.py -> agents/document_agent -> agents -> backend
import sys
from pathlib import Path as ImportPath
# Go up 2 levels: document_agent -> agents -> backend
backend_root = ImportPath(__file__).parent.parent.parent
if str(backend_root) not in sys.path:
    sys.path.insert(0, str(backend_root))

# Import from schemas at backend root (not local .schemas)
import schemas as backend_schemas
AgentResponseStatus = backend_schemas.AgentResponseStatus

from .agent_schemas import (
    AnalyzeDocumentRequest, EditDocumentRequest, CreateDocumentRequest,
    UndoRedoRequest, VersionHistoryRequest, ExtractDataRequest, EditAction
)
from .agent_schemas import AgentResponseStatus as LocalAgentResponseStatus
from .editors import DocumentEditor
from .state import DocumentSessionManager, DocumentVersionManager, EditAction as StateEditAction
from .llm import DocumentLLMClient
from .utils import (
    extract_document_content, create_docx, create_pdf, analyze_document_structure,
    convert_docx_to_pdf, create_pdf_canvas_display, ensure_directory
)

# Import Content Management Service
from backend.services.content_management_service import (
    ContentManagementService,
    ContentType,
    ContentSource,
    ProcessingStrategy,
    ContentPriority,
    ProcessingTaskType
)
from backend.services.canvas_service import CanvasService

logger = logging.getLogger(__name__)

WORKSPACE_ROOT = Path(__file__).parent.parent.parent.parent.resolve()  # Correct: 3 dir levels from file
DEFAULT_STORAGE_DIR = WORKSPACE_ROOT / "storage" / "document_agent"


class DocumentAgent:
    """
    Main orchestrator for document operations.
    Coordinates editors, LLM, sessions, and versioning.
    """

    def __init__(self):
        """Initialize agent with all components."""
        self.session_manager = DocumentSessionManager()
        self.version_manager = DocumentVersionManager()
        self.llm_client = DocumentLLMClient()
        self.service = ContentManagementService() # Inject Service
        ensure_directory(str(DEFAULT_STORAGE_DIR))
        self._analysis_cache = {}  # Simple in-memory cache
        self._cache_lock = Lock()
        self._max_cache_size = 100

        self.metrics = {
            "api_calls": {
                "analyze": 0,
                "display": 0,
                "create": 0,
                "edit": 0,
                "undo_redo": 0,
                "versions": 0,
                "extract": 0
            },
            "llm_calls": {
                "analyze": 0,
                "edit_planning": 0,
                "create_planning": 0,
                "extract": 0,
                "total": 0
            },
        }

        # Enterprise-grade edit safety controls
        self._risky_action_types = {"delete_content", "replace_content", "convert_format"}
        self._risk_keywords = ["delete", "remove", "overwrite", "purge", "wipe", "truncate"]
        self._max_safe_actions = 25

    # ========== ENTERPRISE HELPERS ==========
    def _classify_edit_intent(self, instruction: str) -> Dict[str, Any]:
        """Lightweight intent + risk scoring for destructive/overwrite edits."""
        text = (instruction or "").lower()
        risk_hits = [kw for kw in self._risk_keywords if kw in text]
        if any(kw in text for kw in ["delete", "remove", "purge", "wipe", "truncate"]):
            intent = "destructive"
        elif any(kw in text for kw in ["replace", "rewrite", "overwrite"]):
            intent = "overwrite"
        else:
            intent = "edit"

        if intent == "edit":
            base = 0.25
            per = 0.05
        else:
            base = 0.35
            per = 0.15

        score = min(1.0, base + per * len(risk_hits))
        return {
            "intent": intent,
            "risk_score": round(score, 2),
            "risk_signals": risk_hits,
        }

    def _validate_edit_plan(self, plan: Dict[str, Any]) -> Dict[str, Any]:
        """Validate LLM-generated plan against allowed actions and action count."""
        actions = plan.get("actions") or []
        issues: List[str] = []
        normalized: List[Dict[str, Any]] = []

        if not isinstance(actions, list):
            return {"valid": False, "issues": ["Plan actions must be a list"], "actions": []}

        if len(actions) > self._max_safe_actions:
            issues.append(f"Plan proposes {len(actions)} actions (> {self._max_safe_actions})")

        allowed = {
            "add_paragraph",
            "add_heading",
            "format_text",
            "replace_text",
            "add_table",
            "add_content",
            "replace_content",
            "delete_content",
            "add_image",
            "modify_style",
            "convert_format",
        }

        for idx, action in enumerate(actions):
            if not isinstance(action, dict):
                issues.append(f"Action {idx+1} must be an object")
                continue
            a_type = str(action.get("type", "")).lower().strip()
            if not a_type:
                issues.append(f"Action {idx+1} missing type")
                continue
            if a_type not in allowed:
                issues.append(f"Unsupported action type: {a_type}")
                continue
            normalized.append({"type": a_type, **{k: v for k, v in action.items() if k != "type"}})

        return {"valid": len(issues) == 0, "issues": issues, "actions": normalized}

    def _hash_file_md5(self, file_path: str) -> Optional[str]:
        """Compute md5 hash for a file for no-op edit detection."""
        try:
            md5 = hashlib.md5()
            with open(file_path, "rb") as f:
                for chunk in iter(lambda: f.read(1024 * 1024), b""):
                    md5.update(chunk)
            return md5.hexdigest()
        except Exception:
            return None

    def _verify_edit_result(self, before_hash: Optional[str], after_hash: Optional[str], action_results: List[Dict[str, Any]]) -> Dict[str, Any]:
        if not before_hash or not after_hash:
            return {"verified": False, "reason": "hash_unavailable", "actions": len(action_results)}
        if before_hash == after_hash:
            return {"verified": False, "reason": "no_change_detected", "actions": len(action_results)}
        return {"verified": True, "reason": "content_changed", "actions": len(action_results)}

    # ========== EDITING OPERATIONS ==========

    async def edit_document(self, request: EditDocumentRequest) -> Dict[str, Any]:
        """Edit document using natural language instruction with safety gating."""
        try:
            self.metrics["api_calls"]["edit"] += 1
            phase_trace = ["understand", "plan", "validate", "execute", "verify", "report"]
            if not Path(request.file_path).exists():
                return {
                    'success': False,
                    'message': f'File not found: {request.file_path}',
                    'status': LocalAgentResponseStatus.ERROR.value,
                    'phase_trace': phase_trace
                }

            risk = self._classify_edit_intent(request.instruction)
            before_hash = self._hash_file_md5(request.file_path)

            # Get or create session
            session = self.session_manager.get_or_create_session(
                request.file_path,
                Path(request.file_path).name,
                request.thread_id
            )

            # Analyze document structure
            structure = analyze_document_structure(request.file_path)
            content, _ = extract_document_content(request.file_path)

            # Plan edits using LLM
            self.metrics["llm_calls"]["edit_planning"] += 1
            self.metrics["llm_calls"]["total"] += 1
            
            # Now awaited
            plan = await self.llm_client.interpret_edit_instruction(
                request.instruction,
                content,
                structure
            )

            if not plan.get('success', False):
                return {
                    'success': False,
                    'message': f'Failed to plan edits: {plan.get("error", "Unknown error")}',
                    'status': LocalAgentResponseStatus.ERROR.value,
                    'risk_assessment': risk,
                    'phase_trace': phase_trace
                }

            validation = self._validate_edit_plan(plan)
            risky_actions = [a for a in validation.get('actions', []) if a.get('type') in self._risky_action_types]
            if risky_actions:
                risk['risk_score'] = max(risk.get('risk_score', 0.0), 0.7)
                risk.setdefault('risk_signals', []).append('risky_action_types')

            if not validation.get('valid', False):
                return {
                    'success': False,
                    'message': 'Edit plan validation failed',
                    'status': LocalAgentResponseStatus.ERROR.value,
                    'risk_assessment': risk,
                    'phase_trace': phase_trace,
                    'errors': validation.get('issues', [])
                }

            # Approval gating: pause if risk is high unless auto_approve is set
            if (risk.get('risk_score', 0) >= 0.6 or risk.get('intent') in {'destructive', 'overwrite'}) and not getattr(request, 'auto_approve', False):
                question = f"Approve edit plan with {len(validation.get('actions', []))} actions (risk_score={risk.get('risk_score')})?"
                return {
                    'success': False,
                    'message': 'Approval required',
                    'status': LocalAgentResponseStatus.NEEDS_INPUT.value,
                    'question': question,
                    'question_type': 'confirmation',
                    'pending_plan': {**plan, 'actions': validation.get('actions', [])},
                    'risk_assessment': risk,
                    'phase_trace': phase_trace
                }

            # Execute edits
            editor = DocumentEditor(request.file_path)
            results = []

            for action in validation.get('actions', []):
                result = self._execute_edit_action(editor, action)
                results.append(result)

            # Save document and create version
            editor.save()
            after_hash = self._hash_file_md5(request.file_path)
            verification = self._verify_edit_result(before_hash, after_hash, results)

            self.version_manager.save_version(
                request.file_path,
                f"Edit: {request.instruction[:50]}"
            )

            return {
                'success': True,
                'message': f"Applied {len(results)} edits",
                'file_path': request.file_path,
                'can_undo': len(self.version_manager.get_versions(request.file_path)) > 1,
                'can_redo': False,
                'edit_summary': verification,
                'risk_assessment': risk,
                'status': LocalAgentResponseStatus.COMPLETE.value,
                'phase_trace': phase_trace,
            }

        except Exception as e:
            logger.error(f"Edit failed: {e}")
            return {
                'success': False,
                'message': f'Error: {str(e)}',
                'status': LocalAgentResponseStatus.ERROR.value,
                'phase_trace': ['understand', 'plan', 'validate', 'execute', 'verify', 'report']
            }

    def _execute_edit_action(self, editor: DocumentEditor, action: Dict[str, Any]) -> Dict[str, Any]:
        """Execute a single edit action."""
        action_type = action.get('type', '').lower()

        try:
            if action_type == 'add_paragraph':
                result = editor.add_paragraph(
                    action.get('text', ''),
                    action.get('style', 'Normal')
                )
            elif action_type == 'add_heading':
                result = editor.add_heading(
                    action.get('text', ''),
                    action.get('level', 1)
                )
            elif action_type == 'replace_text':
                result = editor.replace_text(
                    action.get('old_text', ''),
                    action.get('new_text', '')
                )
            else:
                result = f"✗ Unknown action type: {action_type}"

            return {
                'type': action_type,
                'result': result,
                'success': '✓' in result
            }

        except Exception as e:
            logger.error(f"Action execution failed: {e}")
            return {
                'type': action_type,
                'result': f"✗ Error: {str(e)}",
                'success': False
            }
