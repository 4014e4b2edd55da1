"""The accuracy harness (``make accuracy``): extraction and answers scored on real news with gold.

``data`` finds and reads the corpora, ``service`` talks to a real app over HTTP, ``matching``
holds the answer-matching rule shared by every score, ``stated`` decides what an article states,
``extraction``, ``samples`` and ``qa`` score, ``report`` renders ``bench/ACCURACY.md`` and
``run`` ties them together (``python -m bench.accuracy``).
"""
