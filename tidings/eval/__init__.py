"""Evaluation on gold sets: `tidings eval` and `make eval`."""

from tidings.eval.gold import GOLD_SETS, evaluate_gold_file, evaluate_sets
from tidings.eval.metrics import Score, actor_match, score_article

__all__ = ["GOLD_SETS", "Score", "actor_match", "evaluate_gold_file", "evaluate_sets",
           "score_article"]
