#!/usr/bin/env python3
"""Makes the media fixtures of the tests (run with Pillow and piexif installed;
the files are committed, so the tests need neither).

photo-gps.jpg carries what a newsroom must never publish: EXIF with a camera
make and body serial number, a GPS position, an embedded thumbnail and an
XMP packet. The tests look for each of those values in every published file.
"""
import io
import struct
import zlib

import piexif
from PIL import Image

SERIAL = "SERIAL-4242-XYZ"
XMP_MARKER = "xmp-secret-marker"


def gradient(width, height):
    image = Image.new("RGB", (width, height))
    pixels = image.load()
    for y in range(height):
        for x in range(width):
            pixels[x, y] = (x * 255 // width, y * 255 // height, (x + y) % 256)
    return image


def photo_with_gps():
    thumbnail = io.BytesIO()
    gradient(160, 80).save(thumbnail, "JPEG")
    exif = {
        "0th": {piexif.ImageIFD.Make: b"DossierCam", piexif.ImageIFD.Model: b"Model Z"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: SERIAL.encode()},
        "GPS": {
            piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((48, 1), (51, 1), (2364, 100)),
            piexif.GPSIFD.GPSLongitudeRef: b"E",
            piexif.GPSIFD.GPSLongitude: ((2, 1), (21, 1), (792, 100)),
        },
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0, piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": thumbnail.getvalue(),
    }
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="' + XMP_MARKER + '"/>'
        "</rdf:RDF></x:xmpmeta>"
    ).encode()
    out = io.BytesIO()
    gradient(2000, 1000).save(out, "JPEG", quality=70, exif=piexif.dump(exif), xmp=xmp)
    return out.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pixel_bomb():
    """A PNG of a few hundred bytes whose header claims 100,000 × 100,000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * 100_001 * 4)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")


def pdf_with_author():
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"3 0 obj << /Author (Jane Source) /Producer (Scanner 3000) >> endobj\n"
        b"trailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n"
    )


def main():
    photo = photo_with_gps()
    open("photo-gps.jpg", "wb").write(photo)
    open("truncated.jpg", "wb").write(photo[: len(photo) // 2])
    small = io.BytesIO()
    gradient(300, 200).save(small, "PNG")
    open("small.png", "wb").write(small.getvalue())
    open("png-named-jpg.jpg", "wb").write(small.getvalue())
    open("bomb.png", "wb").write(pixel_bomb())
    open("script.svg", "w").write(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
        "<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>\n")
    open("report.pdf", "wb").write(pdf_with_author())


main()
