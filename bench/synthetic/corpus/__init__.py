"""A generated corpus of the genre: programme models rendered into documents made the way councils make them.

- :mod:`bench.synthetic.corpus.model`: the programme model and the layout choices, and the Hypothesis strategy that picks them;
- :mod:`bench.synthetic.corpus.render`: the model as a Word file (python-docx), as the PDF LibreOffice exports from it, and as
  plain text in UTF-8 or cp1251;
- :mod:`bench.synthetic.corpus.check`: what the reader made of a document, compared number by number with its model;
- ``python -m bench.synthetic.corpus``: writes the committed sample, or sweeps fresh documents and prints the share read right
  per dimension value.
"""
