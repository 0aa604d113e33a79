#!/usr/bin/env python3
"""make-icons.py OUT_DIR — draws the app icons (PNG, 192 and 512 px) with the standard library only:
a blue field with a white ring and dot (an 'alert, ready' mark). Maskable: the mark stays inside the
central safe zone."""
import struct
import sys
import zlib


def png(size):
    blue, white = (11, 92, 173), (251, 250, 247)
    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5 / size
            colour = white if (0.18 <= d <= 0.26) or d <= 0.08 else blue
            row += bytes(colour)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


for size in (192, 512):
    with open(f"{sys.argv[1]}/icon-{size}.png", "wb") as f:
        f.write(png(size))
