"""Parquet files of the dashboard tables written without pyarrow (which, with the numpy it loads,
costs ≈0.13 s of CPU and ≈60 MB of memory to import: a fifth of converting a one-line text file,
and most of what a 400-document refresh's peak memory grew by over a 100-document one's).

The simplest file the format allows: one data page (v1) per column and row group, values
PLAIN-encoded, every column OPTIONAL with its nulls as 1-bit definition levels, and the file
metadata in Thrift's compact protocol; the schema's types are the ones pyarrow writes for the
declared kinds (text: BYTE_ARRAY annotated STRING; int: INT64; float: DOUBLE) and the key-value
metadata carries the same "pandas" entry, so pyarrow and pandas read it back as the
pyarrow-written file (tests/test_parquet_plain.py). The rows go in row groups of ``group_rows``,
each encoded and written when it is full (the memory does not grow with the table), pages
GZIP-compressed (the standard library's zlib; Parquet's GZIP codec is RFC 1952) or stored.

Format: https://github.com/apache/parquet-format (parquet.thrift, Encodings.md).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

MAGIC = b"PAR1"
# parquet.thrift enums
_BYTE_ARRAY, _INT64, _DOUBLE = 6, 2, 5
_OPTIONAL = 1
_UTF8 = 0  # ConvertedType
_PLAIN, _RLE = 0, 3
_UNCOMPRESSED, _GZIP = 0, 2  # CompressionCodec
_DATA_PAGE = 0
# Thrift compact protocol types
_I32, _I64, _BINARY, _LIST, _STRUCT = 5, 6, 8, 9, 12

# A declared kind (tables._KINDS) → its Parquet physical type.
PHYSICAL = {"str": _BYTE_ARRAY, "date": _BYTE_ARRAY, "int": _INT64, "float": _DOUBLE}


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(n: int) -> bytes:
    return _varint((n << 1) ^ (n >> 63))


class _Struct:
    """One Thrift struct in the compact protocol: fields added in increasing id order."""

    def __init__(self) -> None:
        self.out = bytearray()
        self.last = 0

    def _header(self, field: int, kind: int) -> None:
        delta = field - self.last
        if 0 < delta <= 15:
            self.out.append((delta << 4) | kind)
        else:
            self.out.append(kind)
            self.out += _zigzag(field)
        self.last = field

    def i32(self, field: int, value: int) -> _Struct:
        self._header(field, _I32)
        self.out += _zigzag(value)
        return self

    def i64(self, field: int, value: int) -> _Struct:
        self._header(field, _I64)
        self.out += _zigzag(value)
        return self

    def binary(self, field: int, value: bytes | str) -> _Struct:
        data = value.encode() if isinstance(value, str) else value
        self._header(field, _BINARY)
        self.out += _varint(len(data)) + data
        return self

    def struct(self, field: int, value: _Struct) -> _Struct:
        self._header(field, _STRUCT)
        self.out += value.end()
        return self

    def list(self, field: int, kind: int, items: Sequence) -> _Struct:
        self._header(field, _LIST)
        n = len(items)
        self.out.append((n << 4) | kind if n < 15 else 0xF0 | kind)
        if n >= 15:
            self.out += _varint(n)
        for item in items:
            if kind == _STRUCT:
                self.out += item.end()
            elif kind == _BINARY:
                data = item.encode() if isinstance(item, str) else item
                self.out += _varint(len(data)) + data
            else:  # i32
                self.out += _zigzag(item)
        return self

    def end(self) -> bytes:
        return bytes(self.out) + b"\x00"


def _levels(values: Sequence) -> bytes:
    """Definition levels (1: a value, 0: null) as one bit-packed run of the RLE/bit-packing
    hybrid, bit width 1, prefixed by its length (a v1 data page)."""
    groups = (len(values) + 7) // 8
    bits = bytearray(groups)
    for i, v in enumerate(values):
        if v is not None:
            bits[i >> 3] |= 1 << (i & 7)
    run = _varint((groups << 1) | 1) + bytes(bits)
    return struct.pack("<i", len(run)) + run


def _plain(values: Sequence, physical: int) -> bytes:
    present = [v for v in values if v is not None]
    if physical == _BYTE_ARRAY:
        out = bytearray()
        for v in present:
            data = str(v).encode()
            out += struct.pack("<i", len(data)) + data
        return bytes(out)
    return struct.pack(f"<{len(present)}{'q' if physical == _INT64 else 'd'}", *present)


def _column_chunk(
    values: Sequence, physical: int, offset: int, name: str, gzip_level: int = 0
) -> tuple[bytes, _Struct, int]:
    """A column's page (header and data) written at ``offset``, its ColumnChunk metadata, and
    the page's size uncompressed. ``gzip_level`` 0: stored as is."""
    data = _levels(values) + _plain(values, physical)
    stored = _gzip(data, gzip_level) if gzip_level else data
    page_header = (
        _Struct()
        .i32(1, _DATA_PAGE)
        .i32(2, len(data))  # uncompressed_page_size
        .i32(3, len(stored))  # compressed_page_size
        .struct(
            5, _Struct().i32(1, len(values)).i32(2, _PLAIN).i32(3, _RLE).i32(4, _RLE)
        )  # DataPageHeader: values, encoding, definition and repetition level encodings
        .end()
    )
    page = page_header + stored
    raw = len(page_header) + len(data)
    meta = (
        _Struct()
        .i32(1, physical)
        .list(2, _I32, [_PLAIN, _RLE])
        .list(3, _BINARY, [name])
        .i32(4, _GZIP if gzip_level else _UNCOMPRESSED)
        .i64(5, len(values))
        .i64(6, raw)
        .i64(7, len(page))
        .i64(9, offset)  # data_page_offset
    )
    return page, _Struct().i64(2, offset).struct(3, meta), raw


def _gzip(data: bytes, level: int) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, 31)  # wbits 31: the gzip wrapper
    return packer.compress(data) + packer.flush()


def _groups(rows: Iterable[Sequence], group_rows: int) -> Iterator[list[Sequence]]:
    """The rows in lists of ``group_rows`` (0: all of them in one list, possibly empty)."""
    if group_rows <= 0:
        yield list(rows)
        return
    it = iter(rows)
    while group := list(islice(it, group_rows)):
        yield group


def _schema_element(name: str, kind: str) -> _Struct:
    element = _Struct().i32(1, PHYSICAL[kind]).i32(3, _OPTIONAL).binary(4, name)
    if PHYSICAL[kind] == _BYTE_ARRAY:
        # ConvertedType UTF8 and LogicalType STRING (an empty struct in the union's field 1).
        element.i32(6, _UTF8).struct(10, _Struct().struct(1, _Struct()))
    return element


def write_parquet(
    path: Path,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Sequence],
    metadata: dict[str, bytes],
    created_by: str,
    group_rows: int = 0,
    gzip_level: int = 0,
) -> None:
    """``rows`` (tuples in ``columns`` order; None for a null) as a Parquet file: ``columns`` are
    (name, declared kind); ``metadata`` its key-value metadata; ``group_rows`` rows per row group
    (0: one group of every row); ``gzip_level`` the pages' GZIP level (0: uncompressed)."""
    groups, total = [], 0
    with open(path, "wb") as out:
        out.write(MAGIC)
        pos = len(MAGIC)
        for group in _groups(rows, group_rows):
            chunks, raw_size = [], 0
            for i, (name, kind) in enumerate(columns):
                page, chunk, raw = _column_chunk([row[i] for row in group], PHYSICAL[kind], pos, name, gzip_level)
                out.write(page)
                pos += len(page)
                raw_size += raw
                chunks.append(chunk)
            if group:  # a table without rows has no row group (as pyarrow writes it)
                groups.append(_Struct().list(1, _STRUCT, chunks).i64(2, raw_size).i64(3, len(group)))
                total += len(group)
        schema = [_Struct().binary(4, "schema").i32(5, len(columns))]
        schema += [_schema_element(name, kind) for name, kind in columns]
        meta = (
            _Struct()
            .i32(1, 2)  # format version 2 (the logical types above)
            .list(2, _STRUCT, schema)
            .i64(3, total)
            .list(4, _STRUCT, groups)
            .list(5, _STRUCT, [_Struct().binary(1, key).binary(2, value) for key, value in metadata.items()])
            .binary(6, created_by)
            .end()
        )
        out.write(meta + struct.pack("<i", len(meta)) + MAGIC)
