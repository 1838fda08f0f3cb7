"""The learned line decision: features per line (:mod:`.features`), a linear model read
from a data file (:mod:`.model`) and a decoder that picks the article span (:mod:`.decode`).
The weights are trained by ``bench/train_line_model.py`` and evaluated here in pure Python."""
