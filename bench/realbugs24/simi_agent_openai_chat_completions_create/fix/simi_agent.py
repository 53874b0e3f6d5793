import asyncio
import os
import json
import logging
from datetime import date

logger = logging.getLogger(__name__)

OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")
try:
    from openai import OpenAI
    _client = OpenAI(api_key=OPENAI_API_KEY) if OPENAI_API_KEY else None
except Exception:
    _client = None

AGENT_MODEL = "gpt-4o"


async def run_simi_agent(
    user_id: int,
    first_name: str,
    user_message: str,
    history: list,
    context_data: dict,
) -> tuple[str, list]:
    if _client is None:
        return (
            "Abhi AI assistant available nahi hai. Seedha Amazon link ya search query bhejo! 🛍️",
            history,
        )

    today_str = date.today().strftime("%d %B %Y")
    system_msg = SIMI_SYSTEM.format(first_name=first_name, today=today_str)

    messages = [{"role": "system", "content": system_msg}]
    valid_history = [m for m in history[-8:] if "role" in m and "content" in m]
    messages.extend(valid_history)
    messages.append({"role": "user", "content": user_message})

    max_iterations = 5
    for _ in range(max_iterations):
        try:
            # FIX: Wrap blocking OpenAI call in asyncio.to_thread so event loop isn't blocked
            resp = await asyncio.to_thread(
                lambda: _client.chat.completions.create(
                    model=AGENT_MODEL,
                    messages=messages,
                    tools=AGENT_TOOLS,
                    tool_choice="auto",
                    max_tokens=800,
                    temperature=0.3,
                )
            )
        except Exception as e:
            logger.error("Simi agent OpenAI call error: %s", e)
            return "Kuch technical issue aa gaya 😅 Thodi der baad try karo!", history

        msg = resp.choices[0].message

        if not msg.tool_calls:
            reply = msg.content or "Koi jawab nahi mila, dobara try karo."
            history.append({"role": "user", "content": user_message})
            history.append({"role": "assistant", "content": reply})
            return reply, history[-20:]

        messages.append({"role": "assistant", "content": msg.content or "", "tool_calls": [
            {"id": tc.id, "type": "function",
             "function": {"name": tc.function.name, "arguments": tc.function.arguments}}
            for tc in msg.tool_calls
        ]})

        # FIX: Execute each tool via asyncio.to_thread — avoids blocking DB/API calls
        for tc in msg.tool_calls:
            try:
                args = json.loads(tc.function.arguments)
            except Exception:
                args = {}
            result = await asyncio.to_thread(
                _execute_tool, tc.function.name, args, user_id, context_data
            )
            messages.append({
                "role": "tool",
                "tool_call_id": tc.id,
                "content": result,
            })

    return "Simi abhi busy hai, thodi der baad try karo 😅", history
