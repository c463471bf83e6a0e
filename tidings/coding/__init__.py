"""ParsedSentence* → Event*: CAMEO codebook, actor resolution, trigger patterns, status."""

from tidings.coding.actors import ActorDictionary, load_dictionary
from tidings.coding.codebook import Codebook, load_codebook
from tidings.coding.coder import CODER_NAME, CameoCoder, make_cameo_coder, merge_events
from tidings.coding.patterns import PatternSet, load_patterns
from tidings.coding.resolver import ActorResolver, ArticleMemory

__all__ = [
    "CODER_NAME",
    "ActorDictionary",
    "ActorResolver",
    "ArticleMemory",
    "CameoCoder",
    "Codebook",
    "PatternSet",
    "load_codebook",
    "load_dictionary",
    "load_patterns",
    "make_cameo_coder",
    "merge_events",
]
