"""Extractors: person names from credit text (:mod:`.names`) and :class:`Metadata` from the
fields that accepted removals captured (:mod:`.metadata`)."""
