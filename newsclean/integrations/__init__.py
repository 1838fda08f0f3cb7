"""Run newsclean inside data tools: Hugging Face ``datasets`` and Dask (Spark: see README).

Each module imports its tool only when used; install it with the matching extra,
``pip install "newsclean[datasets]"`` or ``pip install "newsclean[dask]"``.
"""
