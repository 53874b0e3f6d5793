# -*- coding: utf-8 -*-
"""Deep Research Agent"""
# pylint: disable=too-many-lines, no-name-in-module
import os
import json

from typing import Type, Optional, Any, Tuple
from datetime import datetime
from copy import deepcopy
import shortuuid
from pydantic import BaseModel

from utils import (
    truncate_search_result,
    load_prompt_dict,
)

from agentscope import logger, setup_logger
from agentscope.mcp import StatefulClientBase
from agentscope.agent import ReActAgent
from agentscope.model import ChatModelBase
from agentscope.formatter import FormatterBase
from agentscope.memory import MemoryBase
from agentscope.tool import (
    ToolResponse,
    view_text_file,
    write_text_file,
)
from agentscope.message import (
    Msg,
    ToolUseBlock,
    TextBlock,
    ToolResultBlock,
)


_DEEP_RESEARCH_AGENT_DEFAULT_SYS_PROMPT = "You're a helpful assistant."


class SubTaskItem(BaseModel):
    """Subtask item of deep research agent."""

    objective: str
    working_plan: Optional[str] = None
    knowledge_gaps: Optional[str] = None


class DeepResearchAgent(ReActAgent):
    """
    Deep Research Agent for sophisticated research tasks.
    """

    def __init__(
        self,
        name: str,
        model: ChatModelBase,
        formatter: FormatterBase,
        memory: MemoryBase,
        search_mcp_client: StatefulClientBase,
        sys_prompt: str = _DEEP_RESEARCH_AGENT_DEFAULT_SYS_PROMPT,
        max_iters: int = 30,
        max_depth: int = 3,
        max_tool_results_words: int = 10000,
        tmp_file_storage_dir: str = "tmp",
    ) -> None:
        """Initialize the Deep Research Agent."""

        # initialization of prompts
        self.prompt_dict = load_prompt_dict()

        super().__init__(
            name=name,
            sys_prompt=sys_prompt,
            model=model,
            formatter=formatter,
            memory=memory,
            max_iters=max_iters,
        )
        self.max_depth = max_depth
        self.max_tool_results_words = max_tool_results_words
        self.memory = memory
        self.tmp_file_storage_dir = tmp_file_storage_dir
        self.current_subtask = []

        # register all necessary tools for deep research agent
        self.toolkit.register_tool_function(view_text_file)
        self.toolkit.register_tool_function(write_text_file)
        self._search_mcp_client = search_mcp_client
        self._mcp_initialized = False

        self.intermediate_memory = []
        self.report_path_based = self.name + datetime.now().strftime(
            "%y%m%d%H%M%S",
        )
        self.report_index = 1
        self._required_structured_model = None
        self.user_query = None

    async def _ensure_mcp_initialized(self) -> None:
        """Ensure MCP client is properly initialized.

        This method registers MCP tools if not already done.
        """
        if not self._mcp_initialized:
            await self.toolkit.register_mcp_client(self._search_mcp_client)
            self._mcp_initialized = True

    async def reply(
        self,
        msg: Msg | list[Msg] | None = None,
        structured_model: Type[BaseModel] | None = None,
    ) -> Msg:
        """The reply method of the agent."""
        # Ensure MCP client is initialized before processing
        await self._ensure_mcp_initialized()
        if isinstance(msg, list):
            if len(msg) == 0:
                raise ValueError("Message list cannot be empty")
            current_msg = msg[-1]
        else:
            current_msg = msg

        # Maintain the subtask list
        self.user_query = current_msg.get_text_content()
        self.current_subtask.append(
            SubTaskItem(objective=self.user_query),
        )

        # Identify the expected output and generate a plan
        await self.decompose_and_expand_subtask()
        current_msg.content += (
            f"\nExpected Output:\n{self.current_subtask[0].knowledge_gaps}"
        )

        # Add user query message to memory
        await self.memory.add(current_msg)  # type: ignore

        for _ in range(self.max_iters):
            # Generate the working plan first
            if not self.current_subtask[-1].working_plan:
                await self.decompose_and_expand_subtask()

            reasoning_prompt_msg = Msg(
                "user",
                content=[
                    TextBlock(
                        type="text",
                        text=self.current_subtask[-1].objective,
                    ),
                ],
                role="user",
            )
            self.intermediate_memory.append(reasoning_prompt_msg)

            # Reasoning to generate tool calls
            backup_memory = deepcopy(self.memory)  # type: ignore
            await self.memory.add(self.intermediate_memory)  # type: ignore
            msg_reasoning = await self._reasoning()
            self.memory = backup_memory

            # Calling the tools
            for tool_call in msg_reasoning.get_content_blocks("tool_use"):
                self.intermediate_memory.append(
                    Msg(
                        self.name,
                        content=[tool_call],
                        role="assistant",
                    ),
                )  # add tool_use memory
                msg_response = await self._acting(tool_call)
                if msg_response:
                    await self.memory.add(msg_response)
                    self.current_subtask = []
                    return msg_response

        # When the maximum iterations are reached, summarize all the findings
        return await self._summarizing()

    async def _summarizing(self) -> Msg:
        """Generate a report based on the exsisting findings when the
        agent fails to solve the problem in the maximum iterations."""

        (
            summarized_content,
            _,
        ) = await self._generate_deepresearch_report(
            checklist=self.current_subtask[0].knowledge_gaps,
        )
        summarize_result = Msg(
            name=self.name,
            role="assistant",
            content=json.dumps(
                summarized_content.content[0]["output"][0],
                indent=2,
                ensure_ascii=False,
            ),
        )
        self.memory.add(summarize_result)
        return summarize_result
