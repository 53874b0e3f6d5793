import logging
import os
from typing import Dict, List, Any, Optional
import json
import re
from pathlib import Path
import sys

# Ensure Orbimesh root is in path for fully qualified imports
orbimesh_root = Path(__file__).resolve().parents[3]
if str(orbimesh_root) not in sys.path:
    sys.path.insert(0, str(orbimesh_root))

from backend.utils.key_manager import get_cerebras_key, report_rate_limit, key_manager
from backend.services.inference_service import inference_service, InferencePriority
from langchain_core.messages import HumanMessage

logger = logging.getLogger(__name__)


class DocumentLLMClient:
    """
    LLM client for document analysis and editing planning.
    Uses centralized InferenceService.
    """

    def __init__(self):
        """Initialize LLM client."""
        pass

    async def interpret_edit_instruction(
        self,
        instruction: str,
        document_content: str,
        document_structure: Dict[str, Any]
    ) -> Dict[str, Any]:
        """
        Interpret natural language instruction and return structured editing plan.
        """
        try:
            prompt = self._build_editing_prompt(
                instruction,
                document_content[:5000],  # Limit context
                document_structure
            )

            response = await inference_service.generate(
                messages=[HumanMessage(content=prompt)],
                priority=InferencePriority.QUALITY,
                strip_markdown=True
            )
            return self._parse_edit_response(response)

        except Exception as e:
            logger.error(f"LLM call failed: {e}")
            return {
                'success': False,
                'error': str(e),
                'actions': []
            }

    # ========== HELPER METHODS ==========

    def _build_editing_prompt(
        self,
        instruction: str,
        document_content: str,
        structure: Dict[str, Any]
    ) -> str:
        """Build prompt for editing instruction interpretation."""
        return f"""You are a document editing expert. Interpret the following editing instruction and provide structured actions.

Document Structure:
- Total paragraphs: {structure.get('total_paragraphs', 0)}
- Tables: {structure.get('table_count', 0)}

Current Document (first 500 chars):
{document_content[:500]}

Editing Instruction:
{instruction}
"""

    def _parse_edit_response(self, response: str) -> Dict[str, Any]:
        """Parse LLM response into structured actions."""
        try:
            # Clean the response - remove markdown code blocks
            cleaned = response.strip()
            if '```json' in cleaned:
                cleaned = re.sub(r'```json\s*', '', cleaned)
                cleaned = re.sub(r'```\s*$', '', cleaned)
            elif '```' in cleaned:
                cleaned = re.sub(r'```\s*', '', cleaned)
            
            # Try to extract JSON from response
            json_match = re.search(r'\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}', cleaned, re.DOTALL)
            if json_match:
                json_str = json_match.group()
                # Remove any trailing commas before closing braces
                json_str = re.sub(r',\s*([}\]])', r'\1', json_str)
                return json.loads(json_str)
            
            # If no JSON found, try the entire cleaned response
            try:
                return json.loads(cleaned)
            except:
                pass
            
            # Fallback: return raw response
            logger.warning(f"Could not parse JSON, using fallback. Response: {response[:200]}")
            return {
                'success': True,
                'actions': [],
                'reasoning': response
            }
        except Exception as e:
            logger.error(f"Failed to parse response: {e}. Response: {response[:200]}")
            return {
                'success': False,
                'error': f'Failed to parse LLM response: {str(e)}',
                'actions': []
            }
