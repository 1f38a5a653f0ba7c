"""Synthetic council documents, made the way councils make theirs, for the tests and the benchmarks.

Every document made here is synthetic and says so (its file name, its folder, and the benchmarks' tables): no figure from
it is ever shown as a council's.

- :mod:`bench.synthetic.fixture_documents`: a programme's text as a Word file (python-docx) or a PDF drawn line by line (fpdf2);
- :mod:`bench.synthetic.office_copies`: a document saved by LibreOffice as .pdf, .doc, .odt or .rtf;
- :mod:`bench.synthetic.scans`: a PDF printed and scanned (pages as noisy, tilted images);
- :mod:`bench.synthetic.corpus`: a generated corpus of the genre, and the sweep that checks the reader against it;
- :mod:`bench.synthetic.reading`: a document read by the same path as ``loaders.build``.

The tests and ``bench/`` import this package; it imports neither.
"""
