"""The data package as one ZIP file, for a download button (``datapackage.json`` at its root)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from .export import export_package


def package_zip(database: Path) -> bytes:
    """The package for ``database`` (:func:`loaders.publish.export.export_package`) as the bytes of a ZIP file."""
    with tempfile.TemporaryDirectory() as folder:
        package = export_package(database, Path(folder) / "package")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.iterdir()):
                archive.write(path, path.name)
    return buffer.getvalue()
