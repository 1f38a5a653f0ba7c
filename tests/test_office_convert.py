"""Legacy word-processor files go through LibreOffice: a .doc, .odt or .rtf (whatever its name says) is read as the
.docx LibreOffice saves, the document says so, and a damaged or hostile one leaves nothing behind: no folder, no
LibreOffice process. Without LibreOffice, the user is told how to install it, in both languages."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from loaders.read import office_convert, programme_file, read_programme_file
from loaders.source_documents import SourceError

needs_libreoffice = pytest.mark.skipif(office_convert.soffice() is None, reason="LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)")
RTF = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\\f0 \\u1055?\\u1088?\\u1086?\\u1075?\\u1088?\\u1072?\\u1084?\\u1072? 2024\\par }"


@pytest.fixture()
def scratch(tmp_path, monkeypatch) -> Path:
    """Where the converter's throw-away folders go during the test (the system's temporary folder is shared)."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    made = tempfile.TemporaryDirectory
    monkeypatch.setattr(office_convert.tempfile, "TemporaryDirectory", lambda **kwargs: made(dir=folder, **kwargs))
    return folder


@pytest.fixture()
def started(monkeypatch) -> list[int]:
    """The process groups of the LibreOffice runs a test starts (each run is a group of its own)."""
    groups: list[int] = []
    popen = subprocess.Popen

    def recording(*args, **kwargs):
        process = popen(*args, **kwargs)
        if args and Path(str(args[0][0])).name in ("soffice", "libreoffice"):
            groups.append(process.pid)
        return process

    monkeypatch.setattr(office_convert.subprocess, "Popen", recording)
    return groups


def _running(groups: list[int]) -> list[str]:
    """Processes still running in those groups (a killed one not yet reaped by init, ``<defunct>``, runs no more)."""
    done = subprocess.run(["ps", "-eo", "pgid=,args="], capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if line.split() and int(line.split()[0]) in groups and "<defunct>" not in line]


@needs_libreoffice
@pytest.mark.parametrize("name", ["programme.rtf", "programme.docx", "programme.doc"])
def test_an_rtf_is_read_through_libreoffice_whatever_its_name(name, tmp_path, started, scratch):
    path = tmp_path / name
    path.write_bytes(RTF)
    document = read_programme_file(path)
    assert document.lines == ("Програма 2024",)
    assert document.format == "rtf" and document.notes[0] == "converted from .rtf to .docx by LibreOffice"
    assert not list(scratch.iterdir()) and started and not _running(started)


@needs_libreoffice
def test_a_conversion_past_its_time_is_stopped_and_leaves_nothing(tmp_path, started, scratch):
    path = tmp_path / "slow.rtf"
    path.write_bytes(RTF)
    with pytest.raises(SourceError) as error:
        office_convert.convert_to_docx(RTF, path, ".rtf", timeout_s=0.01)
    assert error.value.kind == "timeout"
    assert not list(scratch.iterdir()) and started and not _running(started)


def test_without_libreoffice_the_user_is_told_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(office_convert, "soffice", lambda: None)
    path = tmp_path / "programme.odt"
    path.write_bytes(RTF)  # the content says RTF: read as what it is
    with pytest.raises(SourceError) as error:
        programme_file.read_programme_file(path)
    assert error.value.kind == "libreoffice_missing"
    assert "apt-get install -y libreoffice-writer-nogui" in error.value.message_in("en")
    assert "Встановіть" in error.value.message_in("uk") and ".rtf" in error.value.message_in("uk")
