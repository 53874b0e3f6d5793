"""Metacognition grader with 4-dimension scoring.

Evaluates student learning across four metacognitive dimensions:
1. Factual Accuracy - Are the facts correct?
2. Self-Awareness - Does the student know what it knows/doesn't know?
3. Knowledge Boundaries - Can the student identify gaps?
4. Explanation Quality - Are self-explanations coherent and insightful?
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass

from amplihack_eval.llm import completion

logger = logging.getLogger(__name__)

DIMENSION_NAMES = [
    "factual_accuracy",
    "self_awareness",
    "knowledge_boundaries",
    "explanation_quality",
]


@dataclass
class Dimension:
    name: str
    score: float
    reasoning: str


@dataclass
class MetacognitionScore:
    dimensions: list[Dimension]
    overall_score: float
    summary: str


class MetacognitionGrader:
    """Grades student metacognition across 4 dimensions."""

    def __init__(self, model: str = "") -> None:
        self.model = model or os.environ.get("EVAL_MODEL", "claude-opus-4-6")

    async def grade(
        self,
        question: str,
        expected_answer: str,
        student_answer: str,
        self_explanation: str,
    ) -> MetacognitionScore:
        try:
            return await self._grade_with_llm(question, expected_answer, student_answer, self_explanation)
        except Exception as e:
            logger.warning("Grading failed: %s", e)
            return self._zero_score("Grading failed due to an internal error")

    async def _grade_with_llm(
        self,
        question: str,
        expected_answer: str,
        student_answer: str,
        self_explanation: str,
    ) -> MetacognitionScore:
        """Use LLM to evaluate metacognition."""
        prompt = f"Question: {question}\nExpected Answer: {expected_answer}\nStudent's Answer: {student_answer}\n"
        response_text = await completion(
            [
                {
                    "role": "system",
                    "content": "You are a metacognition evaluation expert. Return only valid JSON.",
                },
                {"role": "user", "content": prompt},
            ],
            model=self.model,
            temperature=0.3,
        )

        response_text = response_text.strip()
        return self._parse_grading_response(response_text)

    def _parse_grading_response(self, response_text: str) -> MetacognitionScore:
        data = json.loads(response_text)
        dimensions = []
        for name in DIMENSION_NAMES:
            dim_data = data.get(name, {"score": 0.0, "reasoning": "Not evaluated"})
            score = max(0.0, min(1.0, float(dim_data.get("score", 0.0))))
            dimensions.append(Dimension(name=name, score=score, reasoning=dim_data.get("reasoning", "")))
        overall = sum(d.score for d in dimensions) / len(dimensions) if dimensions else 0.0
        return MetacognitionScore(dimensions=dimensions, overall_score=overall, summary="")

    def _zero_score(self, reason: str) -> MetacognitionScore:
        dimensions = [Dimension(name=name, score=0.0, reasoning=reason) for name in DIMENSION_NAMES]
        return MetacognitionScore(dimensions=dimensions, overall_score=0.0, summary=f"Grading failed: {reason}")


@dataclass
class ReasoningTraceScore:
    """Score from reasoning trace analysis (progressive test suite interface)."""

    effort_calibration: float
    sufficiency_judgment: float
    search_quality: float
    self_correction: float
    overall: float
    details: dict


async def grade_metacognition(
    trace: dict | str,
    answer_score: float,
    level: str,
    model: str = "",
) -> ReasoningTraceScore:
    """Grade metacognition from a reasoning trace (convenience function).

    Bridges the progressive_test_suite interface to MetacognitionGrader.
    """
    if isinstance(trace, str):
        trace_text = trace
    else:
        trace_text = json.dumps(trace)

    grader = MetacognitionGrader(model=model)
    try:
        result = await grader.grade(
            question=f"[{level}] Reasoning trace evaluation",
            expected_answer=f"Score: {answer_score:.2f}",
            student_answer=trace_text[:2000],
            self_explanation=trace_text[:2000],
        )

        dim_map = {d.name: d.score for d in result.dimensions}
        return ReasoningTraceScore(
            effort_calibration=dim_map.get("self_awareness", 0.0),
            sufficiency_judgment=dim_map.get("knowledge_boundaries", 0.0),
            search_quality=dim_map.get("factual_accuracy", 0.0),
            self_correction=dim_map.get("explanation_quality", 0.0),
            overall=result.overall_score,
            details={"summary": result.summary},
        )
    except Exception as e:
        logger.warning("Metacognition grading failed: %s", e)
        return ReasoningTraceScore(
            effort_calibration=0.0,
            sufficiency_judgment=0.0,
            search_quality=0.0,
            self_correction=0.0,
            overall=0.0,
            details={"error": str(e)},
        )


__all__ = [
    "MetacognitionGrader",
    "MetacognitionScore",
    "Dimension",
    "grade_metacognition",
    "ReasoningTraceScore",
]
