#!/usr/bin/env python3
"""Draws the package icon (eng/icon.png, 128x128): a sheet of paper with text lines and a total, on blue.

Standard library only, so the icon can be redrawn anywhere: python3 eng/make-icon.py
"""
import os
import struct
import zlib

SIZE = 128
BLUE = (30, 86, 160, 255)
PAPER = (255, 255, 255, 255)
INK = (120, 138, 160, 255)
TOTAL = (30, 86, 160, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, left, top, right, bottom, radius):
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 and left <= x <= right and top <= y <= bottom


def pixel(x, y):
    if not inside_rounded(x + 0.5, y + 0.5, 0, 0, SIZE, SIZE, 24):
        return CLEAR
    # The sheet, with its top-right corner folded.
    left, top, right, bottom, fold = 32, 18, 96, 110, 18
    on_sheet = left <= x < right and top <= y < bottom and (x - (right - fold)) <= (y - top)
    if not on_sheet:
        return BLUE
    if x >= right - fold and y < top + fold and (x - (right - fold)) >= (y - top) - 1:
        return INK
    for line_top, line_right in ((40, 84), (50, 76), (60, 84), (70, 70)):
        if line_top <= y < line_top + 4 and 42 <= x < line_right:
            return INK
    if 88 <= y < 96 and 58 <= x < 86:
        return TOTAL
    return PAPER


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 9))
           + chunk(b"IEND", b""))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
