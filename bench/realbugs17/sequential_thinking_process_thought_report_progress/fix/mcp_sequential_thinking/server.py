"""MCP server for sequential thinking.

Exposes tools for recording thoughts, generating summaries, managing sessions,
and performing analysis through the Model Context Protocol (MCP).
"""

import os
import sys
from typing import List, Optional

from mcp.server.fastmcp import FastMCP, Context
from pydantic import ValidationError
from mcp.server.transport_security import TransportSecuritySettings

# Use absolute imports when running as a script
try:
    # When installed as a package
    from .models import ThoughtData, ThoughtStage
    from .storage import ThoughtStorage
    from .analysis import ThoughtAnalyzer
    from .logging_conf import configure_logging
    from .config import config
except ImportError:
    # When run directly
    from mcp_sequential_thinking.models import ThoughtData, ThoughtStage
    from mcp_sequential_thinking.storage import ThoughtStorage
    from mcp_sequential_thinking.analysis import ThoughtAnalyzer
    from mcp_sequential_thinking.logging_conf import configure_logging
    from mcp_sequential_thinking.config import config

logger = configure_logging("sequential-thinking.server")


# 公网部署时需关闭 DNS rebinding 保护，否则 Host 为公网 IP（如 106.54.55.203:8000）会被拒绝
# When deploying publicly, disable DNS rebinding protection so clients can connect via public IP
mcp = FastMCP(
    "sequential-thinking",
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=False,
    ),
)

storage = ThoughtStorage()
logger.info("--- In-memory ThoughtStorage initialized ---")

@mcp.tool()
async def process_thought(
    thought: str,
    thought_number: int,
    total_thoughts: int,
    next_thought_needed: bool,
    thought_type: str = "analysis",
    stage: str = "Problem Definition",
    parent_thought_id: Optional[str] = None,
    revises_thought_id: Optional[str] = None,
    branch_label: Optional[str] = None,
    tags: Optional[List[str]] = None,
    axioms_used: Optional[List[str]] = None,
    assumptions_challenged: Optional[List[str]] = None,
    confidence_level: float = 0.5,
    supporting_evidence: Optional[List[str]] = None,
    counter_arguments: Optional[List[str]] = None,
    lang: Optional[str] = None,
    ctx: Optional[Context] = None,
) -> dict:
    """
    记录单个思考节点并返回深度分析结果（含自动反思） | Records a thought with analysis and reflection.

    Args:
        thought: 思考的主要内容 | The main content of the thought.
        thought_number: 当前思考的序号 | Sequence number of this thought.
        total_thoughts: 计划的思考总数 | Total number of thoughts planned.
        next_thought_needed: 是否还需要后续思考 | Whether more thoughts are expected.
        ctx: MCP 上下文对象 | MCP context for progress reporting.

    Returns:
        包含分析结果和反思提示的字典 | Dict with analysis results and reflection prompts.
    """
    try:
        # Set language from config if not provided
        final_lang = lang if lang is not None else config.features.semantic_analysis.default_lang

        logger.info(f"Processing thought #{thought_number}/{total_thoughts} [{thought_type}] in stage '{stage}' for language '{final_lang}'")

        if ctx:
            await ctx.report_progress(thought_number - 1, total_thoughts)

        thought_data = ThoughtData(
            thought=thought,
            thought_number=thought_number,
            total_thoughts=total_thoughts,
            next_thought_needed=next_thought_needed,
            thought_type=thought_type,
            stage=stage,
            parent_thought_id=parent_thought_id,
            revises_thought_id=revises_thought_id,
            branch_label=branch_label,
            tags=tags or [],
            axioms_used=axioms_used or [],
            assumptions_challenged=assumptions_challenged or [],
            confidence_level=confidence_level,
            supporting_evidence=supporting_evidence or [],
            counter_arguments=counter_arguments or [],
        )

        storage.add_thought(thought_data)

        all_thoughts = storage.get_all_thoughts()
        analysis = ThoughtAnalyzer.analyze_thought(thought_data, all_thoughts, lang=final_lang)

        logger.info(f"Successfully processed thought #{thought_number}")
        return analysis
    except ValidationError as e:
        logger.error(f"Validation error: {e}")
        return {"error": f"Validation error: {str(e)}", "status": "failed"}
    except Exception as e:
        logger.error(f"Error processing thought: {e}")
        return {"error": str(e), "status": "failed"}

@mcp.tool()
def clear_history() -> dict:
    """
    清除当前会话的所有思考历史 | Deletes all thoughts from the current session.

    Returns:
        包含操作状态信息的字典 | Dictionary with operation status message.
    """
    try:
        logger.info("Clearing thought history")
        storage.clear_history()
        return {"status": "success", "message": "Thought history cleared."}
    except Exception as e:
        logger.error(f"Error clearing history: {str(e)}")
        return {"error": str(e), "status": "failed"}
