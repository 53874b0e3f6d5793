import inspect
import json
import os
import sys
import openai
from dotenv import load_dotenv
import asyncio
import logging
from datetime import datetime
import textwrap

# Suppress HTTP request logs
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("openai").setLevel(logging.WARNING)

from opentargets_mcp.queries import OpenTargetsClient
from opentargets_mcp.server import mcp
from opentargets_mcp.tools.disease import DiseaseApi
from opentargets_mcp.tools.drug import DrugApi
from opentargets_mcp.tools.evidence import EvidenceApi
from opentargets_mcp.tools.meta import MetaApi
from opentargets_mcp.tools.search import SearchApi
from opentargets_mcp.tools.study import StudyApi
from opentargets_mcp.tools.target import TargetApi
from opentargets_mcp.tools.variant import VariantApi

_API_INSTANCES = (
    TargetApi(),
    DiseaseApi(),
    DrugApi(),
    EvidenceApi(),
    SearchApi(),
    VariantApi(),
    StudyApi(),
    MetaApi(),
)

TOOL_DISPATCH = {}
for api in _API_INSTANCES:
    for attr in dir(api):
        if attr.startswith("_"):
            continue
        method = getattr(api, attr)
        if inspect.iscoroutinefunction(method):
            TOOL_DISPATCH[attr] = method

# (trimmed: class Colors and the print_* helpers)

async def main():
    load_dotenv()
    OPENAI_MODEL = os.getenv("OPENAI_MODEL", "gpt-4-turbo")

    if not os.getenv("OPENAI_API_KEY"):
        print_error("OPENAI_API_KEY not found in .env file or environment.")
        sys.exit(1)

    api_client = OpenTargetsClient()
    await api_client._ensure_session()
    
    tools = [tool.model_dump() for tool in mcp._tool_manager.list_tools()]
    tools_json_str = json.dumps(tools, indent=2)

    system_prompt = f"""
You are an expert bioinformatics assistant.
(prompt text trimmed)

**Available Tools:**
{tools_json_str}
"""

    print_header("🧬 Open Targets ReAct Agent")

    try:
        while True:
            question = input(f"\n{Colors.BOLD}Question:{Colors.END} ")
            if question.lower() == 'exit':
                print(f"{Colors.DIM}Goodbye!{Colors.END}")
                break

            print(f"\n{Colors.DIM}Processing: {question}{Colors.END}")
            
            history = [{"role": "system", "content": system_prompt}, {"role": "user", "content": question}]
            
            step_count = 0
            for i in range(10):  # Limit to 10 steps
                # Get LLM response
                response = openai.chat.completions.create(
                    model=OPENAI_MODEL,
                    messages=history
                )
                response_text = response.choices[0].message.content
                
                # Skip empty or error responses
                if not response_text or "Thought:" not in response_text:
                    continue
                
                step_count += 1
                print(f"\n{Colors.DIM}Step {step_count}:{Colors.END}")
                
                # Print thought
                print_thought(response_text)
                
                history.append({"role": "assistant", "content": response_text})

                try:
                    # Extract and parse action
                    action_json_str = ""
                    if "Action:" in response_text:
                        action_part = response_text.split("Action:", 1)[1].strip()
                        json_start = action_part.find('{')
                        json_end = action_part.rfind('}') + 1
                        if json_start != -1 and json_end != -1 and json_end > json_start:
                            action_json_str = action_part[json_start:json_end]
                        
                    if not action_json_str:
                        history.append({"role": "user", "content": "Observation: Error parsing action. Please ensure the Action block contains valid JSON."})
                        continue

                    action = json.loads(action_json_str)
                    print_action(action)
                    
                    tool_name = action.get("tool_name")

                    if tool_name == "finish":
                        final_answer = action.get("answer", "I have finished the task.")
                        print_final_answer(final_answer)
                        break
                    if tool_name not in TOOL_DISPATCH:
                        history.append({"role": "user", "content": f"Observation: Invalid tool name '{tool_name}'."})
                        continue

                    arguments = action.get("arguments", {})
                    func_to_call = TOOL_DISPATCH[tool_name]
                    observation = await func_to_call(api_client, **arguments)

                    print_observation(observation)

                    observation_str = json.dumps(observation, indent=2)
                    history.append({"role": "user", "content": f"Observation:\n{observation_str}"})

                except json.JSONDecodeError:
                    history.append({"role": "user", "content": "Observation: Error parsing action JSON."})
                except Exception as e:
                    history.append({"role": "user", "content": f"Observation: An error occurred: {str(e)}"})
                    break

    except KeyboardInterrupt:
        print(f"\n{Colors.DIM}Interrupted.{Colors.END}")
    finally:
        await api_client.close()

if __name__ == "__main__":
    asyncio.run(main())
