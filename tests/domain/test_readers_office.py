"""DOCX and ODT written by LibreOffice, and damaged or hostile containers."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from casefile.importing.readers import ReadError, read_bytes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
EXPECTED_LINES = [
    "توتر بين الشرطة العسكرية الروسية والحرس الثوري",
    "شهدت بلدة حطلة في ريف دير الزور خلال شهر آب/ أغسطس 2024 توتراً بين الطرفين.",
    "زار المدعو «محمد علي الهادي» الملقب بـ «أبو رقية الأحوازي» البلدة يوم 12 آب.",
    "The report was received in English and Arabic: الحرس الثوري (IRGC).",
    "الاسم",
    "الصفة",
    "أبو رقية الأحوازي",
    "رئيس المركز الثقافي الإيراني",
    "وطالب بمقاطعة خمسة من وجهاء المنطقة، بينهم ثلاثة مخاتير.",
]


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("report.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_libreoffice_document(name: str, media_type: str) -> None:
    result = read_bytes((FIXTURES / name).read_bytes(), name)
    assert result.text.split("\n") == EXPECTED_LINES
    assert result.media_type == media_type
    assert result.title == "توتر في ريف دير الزور"
    assert result.author == "مراسل الرصد"
    assert result.published == datetime.date(2024, 8, 15)


@pytest.mark.parametrize("name", ["report.docx", "report.odt"])
def test_detected_by_content_not_name(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    assert read_bytes(data, "بلا امتداد").text == read_bytes(data, name).text


@pytest.mark.parametrize("name", ["report.docx", "report.odt"])
def test_truncated_document(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    kind = name.rsplit(".", 1)[1].upper()
    with pytest.raises(ReadError, match=f"^{kind} is damaged: .*truncated"):
        read_bytes(data[: len(data) // 2], name)


def test_docx_with_corrupt_text_part() -> None:
    data = bytearray((FIXTURES / "report.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # Overwrite compressed bytes of word/document.xml in place (past its local header).
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[start : start + 40] = b"\x00" * 40
    with pytest.raises(ReadError, match="^DOCX is damaged"):
        read_bytes(bytes(data), "report.docx")


def _docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(210):  # 210 MB of zeros compress to about 200 KB
                member.write(chunk)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_without_expanding() -> None:
    data = _docx_bomb()
    assert len(data) < 1024 * 1024
    with pytest.raises(ReadError, match=r"^DOCX expands to more than 200 MB \(zip bomb\?\)$"):
        read_bytes(data, "bomb.docx")


def test_random_bytes_named_docx() -> None:
    with pytest.raises(ReadError, match="^not a DOCX: the file starts with random bytes$"):
        read_bytes(bytes(range(256)) * 4, "تقرير.docx")


def test_zip_that_is_not_a_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/1.jpg", b"\xff\xd8\xff")
    with pytest.raises(ReadError, match="ZIP archive; unpack it"):
        read_bytes(buffer.getvalue(), "export.zip")


def test_docx_text_box_and_tracked_changes_read_once() -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{w}" xmlns:mc="{mc}"><w:body>
<w:p><w:r><w:t>قبل </w:t></w:r><w:ins><w:r><w:t>المضاف</w:t></w:r></w:ins><w:del><w:r><w:delText>المحذوف</w:delText></w:r></w:del></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>
<w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
</mc:AlternateContent></w:r><w:r><w:t>بعد</w:t><w:tab/><w:t>الجدولة</w:t></w:r></w:p>
</w:body></w:document>"""
    source = zipfile.ZipFile(io.BytesIO((FIXTURES / "report.docx").read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = document.encode() if item.filename == "word/document.xml" else source.read(item)
            archive.writestr(item, data)
    text = read_bytes(buffer.getvalue(), "boxes.docx").text
    assert text.split("\n") == ["قبل المضاف", "بعد\tالجدولة", "نص في مربع"]


def _lying_container(source: str, member: str, real_megabytes: int, declared: int) -> bytes:
    """``source`` (a real document) with ``member`` replaced by ``real_megabytes``
    of compressible bytes, then its zip headers patched to declare ``declared``
    bytes: the sizes checked before reading say there is nothing to fear."""
    original = zipfile.ZipFile(io.BytesIO((FIXTURES / source).read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in original.infolist():
            if info.filename != member:
                archive.writestr(info.filename, original.read(info))
        with archive.open(member, "w") as bomb:
            chunk = b" " * (1024 * 1024)
            for _ in range(real_megabytes):
                bomb.write(chunk)
    data = bytearray(buffer.getvalue())
    name = member.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    data[local + 22 : local + 26] = declared.to_bytes(4, "little")  # uncompressed size
    central = data.index(b"PK\x01\x02", local)
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


_READ_UNDER_A_CAP = """
import resource, sys
from casefile.importing.readers import ReadError, read_bytes
in_use = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (in_use + 200 * 1024 * 1024,) * 2)
data = open(sys.argv[1], "rb").read()
try:
    read_bytes(data, sys.argv[2])
    print("read")
except ReadError as error:
    print(error)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize(
    ("source", "member", "name", "expected"),
    [
        ("report.docx", "word/document.xml", "report.docx",
         "DOCX is damaged: Bad CRC-32 for file 'word/document.xml'"),
        ("report.odt", "mimetype", "report.odt", "ODT is damaged: Bad CRC-32 for file 'mimetype'"),
    ],
)
def test_zip_headers_that_lie_about_sizes_cost_no_memory(
    tmp_path: Path, source: str, member: str, name: str, expected: str
) -> None:
    """300 MB inside, a few bytes declared: read in a stream, the member stops at
    what was declared (and fails its checksum) instead of being inflated whole,
    which took 2.2 GB for a real DOCX."""
    path = tmp_path / name
    path.write_bytes(_lying_container(source, member, real_megabytes=300, declared=60))
    assert path.stat().st_size < 2 * 1024 * 1024
    run = subprocess.run(
        [sys.executable, "-c", _READ_UNDER_A_CAP, str(path), name],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
    )
    assert run.stderr == ""  # no MemoryError
    assert run.stdout.strip() == expected


def test_members_are_streamed_with_a_running_cap_whatever_the_headers_say() -> None:
    from casefile.importing.readers import archive

    data = _lying_container("report.docx", "word/media/padding.bin", real_megabytes=3,
                            declared=3 * 1024 * 1024)
    container = archive.Container(data, "DOCX", limit=2 * 1024 * 1024)
    with pytest.raises(ReadError, match=r"^DOCX expands to more than 2 MB \(zip bomb\?\)$"):
        container.read("word/media/padding.bin")
