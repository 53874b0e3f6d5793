"""Progressive test suite for agent learning evaluation.

Runs 12 levels of increasing difficulty, measuring learning capability
across multiple dimensions.
"""

import json
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .grader import grade_answer
from .metacognition_grader import grade_metacognition

try:
    from amplihack_eval.data.progressive_levels import (  # type: ignore[import-not-found]
        ADVANCED_LEVELS,
        ALL_LEVELS,
        TestLevel,
    )
except ImportError:
    raise ImportError("amplihack-agent-eval package is required but not installed.")


@dataclass
class ProgressiveConfig:
    """Configuration for progressive test suite."""

    output_dir: str
    agent_name: str
    levels_to_run: list[str] | None = None  # None = run all
    memory_backend: str = "amplihack-memory-lib"
    sdk: str = "mini"  # SDK type: mini, claude, copilot, microsoft
    grader_votes: int = 1  # Number of grading votes per question (1=single, 3=majority)


@dataclass
class LevelResult:
    """Result for a single level."""

    level_id: str
    level_name: str
    success: bool
    scores: dict | None = None
    error_message: str | None = None


def _extract_json_line(stdout: str) -> str:
    for line in reversed(stdout.strip().splitlines()):
        stripped = line.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                json.loads(stripped)
                return stripped
            except json.JSONDecodeError:
                continue
    return "{}"


def run_testing_subprocess(questions: list, agent_name: str, sdk: str = "mini") -> tuple[bool, str]:
    testing_input = [
        {
            "question": q.question,
            "expected_answer": q.expected_answer,
            "level": q.level,
        }
        for q in questions
    ]

    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "amplihack.eval.agent_subprocess",
                "--phase",
                "testing",
                "--agent-name",
                agent_name,
                "--sdk",
                sdk,
            ],
            input=json.dumps(testing_input),
            capture_output=True,
            text=True,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        return False, "Testing phase timed out after 600 seconds"

    if result.returncode != 0:
        return False, result.stderr

    return True, _extract_json_line(result.stdout)


def _isolate_memory_for_level(agent_name: str, level_id: str) -> str:
    return f"{agent_name}_{level_id}_{int(time.time())}"


def run_single_level(level: TestLevel, config: ProgressiveConfig, level_dir: Path) -> LevelResult:
    """Run evaluation for a single level."""
    level_dir.mkdir(parents=True, exist_ok=True)

    isolated_agent_name = _isolate_memory_for_level(config.agent_name, level.level_id)

    try:
        # Testing phase
        success, data = run_testing_subprocess(level.questions, isolated_agent_name, sdk=config.sdk)
        if not success:
            return LevelResult(
                level_id=level.level_id,
                level_name=level.level_name,
                success=False,
                error_message=f"Testing phase failed: {data}",
            )

        testing_data = json.loads(data)
        with open(level_dir / "testing_phase.log", "w") as f:
            json.dump(testing_data, f, indent=2)

        # Grade answers
        all_grades = []
        for i, answer_data in enumerate(testing_data["answers"]):
            question = level.questions[i]

            grade = grade_answer(
                question=question.question,
                expected=question.expected_answer,
                actual=answer_data["answer"],
                level=question.level,
                num_votes=config.grader_votes,
            )

            # Grade metacognition if trace available
            metacog = None
            trace = answer_data.get("reasoning_trace")
            if trace:
                metacog_grade = grade_metacognition(
                    trace=trace,
                    answer_score=grade.score,
                    level=question.level,
                )
                metacog = {
                    "effort_calibration": metacog_grade.effort_calibration,
                    "sufficiency_judgment": metacog_grade.sufficiency_judgment,
                    "search_quality": metacog_grade.search_quality,
                    "self_correction": metacog_grade.self_correction,
                    "overall": metacog_grade.overall,
                    "details": metacog_grade.details,
                }

            all_grades.append(
                {
                    "question": question.question,
                    "level": question.level,
                    "reasoning_type": question.reasoning_type,
                    "expected": question.expected_answer,
                    "actual": answer_data["answer"],
                    "score": grade.score,
                    "reasoning": grade.reasoning,
                    "metacognition": metacog,
                }
            )

        avg_score = sum(g["score"] for g in all_grades) / len(all_grades) if all_grades else 0.0
        scores = {"average": avg_score, "count": len(all_grades), "details": all_grades}
        with open(level_dir / "scores.json", "w") as f:
            json.dump(scores, f, indent=2)

        return LevelResult(level_id=level.level_id, level_name=level.level_name, success=True, scores=scores)

    except Exception as e:
        return LevelResult(
            level_id=level.level_id,
            level_name=level.level_name,
            success=False,
            error_message=str(e),
        )
