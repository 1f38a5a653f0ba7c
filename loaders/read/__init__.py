"""Read a programme file (.txt, .docx, .pdf) into lines with locators, safely.

``read_programme_file`` reads in this process; ``read_in_worker`` reads an untrusted file in a
child process with a memory limit and a wall-clock timeout.
"""

from .document_text import DEFAULT_LIMITS, DocumentText, ReadLimits
from .programme_file import read_programme_file
from .sandbox import read_in_worker

__all__ = ["DEFAULT_LIMITS", "DocumentText", "ReadLimits", "read_in_worker", "read_programme_file"]
