"""Corpus learning: the lines each site repeats across its pages, learned as site-scoped
rules with the evidence for each (``newsclean learn``)."""

from newsclean.corpus.decide import Candidate, Outcome
from newsclean.corpus.learner import LearnedRules, SiteLearner, learn

__all__ = ["Candidate", "LearnedRules", "Outcome", "SiteLearner", "learn"]
