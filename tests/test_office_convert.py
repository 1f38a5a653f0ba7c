"""Legacy word-processor files go through LibreOffice: a .doc, .odt or .rtf (whatever its name says) is read as the
.docx LibreOffice saves, the document says so, and a damaged or hostile one leaves nothing behind: no folder, no
LibreOffice process. Without LibreOffice, the user is told how to install it, in both languages."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from loaders.errors import SourceError
from loaders.read import office_convert, programme_file, read_programme_file

needs_libreoffice = pytest.mark.skipif(
    office_convert.soffice() is None,
    reason="LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)",
)
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
    return [
        line
        for line in done.stdout.splitlines()
        if line.split() and int(line.split()[0]) in groups and "<defunct>" not in line
    ]


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


def _macro_odt(path: Path, marker: Path) -> Path:
    """An .odt whose Basic macro, bound to the document's load event, would write ``marker`` if it ran."""
    import zipfile

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"'
    )
    listener = (
        '<script:event-listener script:language="ooo:script" script:event-name="dom:load" xlink:type="simple" '
        'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document"/>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3"><office:scripts><office:event-listeners>'
        f"{listener}</office:event-listeners></office:scripts><office:body><office:text><text:p>Програма 2024</text:p></office:text>"
        "</office:body></office:document-content>"
    )
    module = (
        '<?xml version="1.0" encoding="UTF-8"?><script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">Sub Main\n  Open "{marker}" For Output As #1\n  Print #1, "a macro ran"\n  Close #1\nEnd Sub\n</script:module>'
    )
    library = (
        '<?xml version="1.0" encoding="UTF-8"?><library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
        'library:readonly="false" library:passwordprotected="false"><library:element library:name="Module1"/></library:library>'
    )
    libraries = (
        '<?xml version="1.0" encoding="UTF-8"?><library:libraries xmlns:library="http://openoffice.org/2000/library" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="Standard" library:link="false"/></library:libraries>'
    )
    parts = {
        "content.xml": content,
        "Basic/Standard/Module1.xml": module,
        "Basic/Standard/script-lb.xml": library,
        "Basic/script-lc.xml": libraries,
    }
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>' for name in parts
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        f"{entries}</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for name, text in {**parts, "META-INF/manifest.xml": manifest}.items():
            archive.writestr(name, text)
    return path


@needs_libreoffice
@pytest.mark.parametrize("suffix", [".odt", ".doc"])
def test_a_macro_in_the_document_never_runs(suffix, tmp_path, started, scratch):
    """The .odt's macro is bound to its load event; the .doc is what LibreOffice saves from it ("Word 97")."""
    from bench.synthetic.office_copies import save_as

    marker = tmp_path / "a_macro_ran.txt"
    path = _macro_odt(tmp_path / "macro.odt", marker)
    if suffix == ".doc":
        path = save_as(path, "doc", tmp_path)
        started.clear()
    assert read_programme_file(path).lines == ("Програма 2024",)
    assert not marker.exists()
    assert not list(scratch.iterdir()) and started and not _running(started)


@needs_libreoffice
def test_an_rtf_with_an_embedded_object_is_read_for_its_text_only(tmp_path, started, scratch):
    payload = (
        "01050000" + "02000000" + "08000000" + "5061636b61676500" + "00000000" + "00000000" + "20000000" + "41" * 32
    ).encode()
    rtf = RTF.replace(
        b"\\par }",
        b"\\par {\\object\\objemb{\\*\\objclass Package}\\objw100\\objh100{\\*\\objdata " + payload + b"}}\\par }",
    )
    path = tmp_path / "embedded.rtf"
    path.write_bytes(rtf)
    assert read_programme_file(path).lines[0] == "Програма 2024"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["embedded.rtf", "scratch"]  # nothing written beside it
    assert not list(scratch.iterdir()) and started and not _running(started)


def test_an_odt_zip_bomb_is_refused_before_libreoffice_opens_it(tmp_path, started):
    import zipfile

    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            "<office:document-content>" + "<text:p/>" * 10_000_000 + "</office:document-content>",
            compresslevel=9,
        )
    with pytest.raises(SourceError) as error:
        read_programme_file(path)
    assert error.value.kind == "zip_bomb"
    assert started == []  # LibreOffice never started
