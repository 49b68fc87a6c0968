package org.imagestore.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Small files built to make a metadata reader allocate, inflate, recurse or loop far beyond their size (the
 * hostile uploads of the hardening issue), and well-formed files carrying EXIF outside JPEG.
 */
public final class MetadataBombs {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MetadataBombs() {
    }

    /**
     * A valid 16x16 PNG with a compressed text chunk ({@code zTXt}, or {@code iTXt} when {@code international})
     * that inflates to {@code inflatedBytes} of zeros from about a thousandth of that.
     */
    public static byte[] pngWithTextBomb(long inflatedBytes, boolean international) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes(("Comment\0" + (international ? "\1\0\0\0" : "\0")).getBytes(StandardCharsets.ISO_8859_1));
        text.writeBytes(deflatedZeros(inflatedBytes));
        return pngWithChunk(international ? "iTXt" : "zTXt", text.toByteArray());
    }

    /** A valid 16x16 PNG with an {@code eXIf} chunk. */
    public static byte[] pngWithExif(TestImages.Exif exif) {
        return pngWithChunk("eXIf", exif.tiff());
    }

    /** A valid 1x1 WebP with an {@code EXIF} chunk after its image chunk. */
    public static byte[] webpWithExif(byte[] webp, TestImages.Exif exif) {
        byte[] tiff = exif.tiff();
        int padded = tiff.length + (tiff.length & 1);
        ByteBuffer out = ByteBuffer.allocate(webp.length + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(webp).put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(tiff.length).put(tiff);
        out.putInt(4, out.capacity() - 8); // the RIFF size
        return out.array();
    }

    /**
     * A valid JPEG with {@code segments} APP1 segments of 64 KiB before its frame (the first of them its EXIF):
     * a reader that keeps every APP1 segment holds all of them.
     */
    public static byte[] jpegWithManyApp1Segments(int segments, TestImages.Exif exif) {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.quadrants(16, 16), 90), exif);
        int length = 65_535;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + segments * (length + 2));
        int exifEnd = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        out.put(jpeg, 0, exifEnd);
        byte[] payload = new byte[length - 2];
        Arrays.fill(payload, (byte) 'x');
        for (int i = 0; i < segments; i++) {
            out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(payload);
        }
        out.put(jpeg, exifEnd, jpeg.length - exifEnd);
        return out.array();
    }

    /**
     * A valid 1x1 grey TIFF whose IFD0 holds the given orientation and camera make, and a SubIFD pointer that
     * starts a chain of {@code depth} directories, each the SubIFD of the one before: a reader that follows
     * them recursively goes {@code depth} calls deep.
     */
    public static byte[] tiffWithNestedDirectories(int depth, int orientation, String make) {
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 11;
        int ifd0 = 8;
        int ifd0Size = 2 + entries * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int pixelAt = makeAt + makeBytes.length;
        int chainAt = pixelAt + 2;
        int linkSize = 2 + 12 + 4;
        ByteBuffer out = ByteBuffer.allocate(chainAt + depth * linkSize).order(ByteOrder.BIG_ENDIAN);
        out.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0);
        out.putShort((short) entries);
        entry(out, 0x0100, 3, 1, 1 << 16);                  // ImageWidth 1
        entry(out, 0x0101, 3, 1, 1 << 16);                  // ImageLength 1
        entry(out, 0x0102, 3, 1, 8 << 16);                  // BitsPerSample 8
        entry(out, 0x0103, 3, 1, 1 << 16);                  // Compression: none
        entry(out, 0x0106, 3, 1, 1 << 16);                  // Photometric: black is zero
        entry(out, 0x010F, 2, makeBytes.length, makeAt);    // Make
        entry(out, 0x0111, 4, 1, pixelAt);                  // StripOffsets
        entry(out, 0x0112, 3, 1, orientation << 16);        // Orientation
        entry(out, 0x0115, 3, 1, 1 << 16);                  // SamplesPerPixel 1
        entry(out, 0x0117, 4, 1, 1);                        // StripByteCounts
        entry(out, 0x014A, 4, 1, depth > 0 ? chainAt : 0);  // SubIFDs
        out.putInt(0);                                      // no next IFD
        out.put(makeBytes).put((byte) 0x80).put((byte) 0);
        for (int i = 0; i < depth; i++) {
            int next = i + 1 < depth ? chainAt + (i + 1) * linkSize : 0;
            out.putShort((short) 1);
            entry(out, 0x014A, 4, 1, next);
            out.putInt(0);
        }
        return out.array();
    }

    private static void entry(ByteBuffer out, int tag, int type, int count, int value) {
        out.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] pngWithChunk(String type, byte[] data) {
        byte[] png = TestImages.encode(TestImages.quadrants(16, 16), ImageFormat.PNG);
        int afterHeader = PNG_SIGNATURE.length + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        TestImages.chunk(out, type, data);
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * A GIF of {@code frames} frames of one pixel each on a {@code width x height} screen (15 bytes a frame): decoding
     * every frame, or even counting them, is work in proportion to the count.
     */
    public static byte[] gifWithFrames(int frames, int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(6 + 7 + 6 + frames * 15 + 1).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
        gif.putShort((short) width).putShort((short) height).put((byte) 0x80).put((byte) 0).put((byte) 0); // 2 colours
        gif.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int i = 0; i < frames; i++) {
            gif.put((byte) 0x2C).putShort((short) (i % width)).putShort((short) (i / width % height))
                    .putShort((short) 1).putShort((short) 1).put((byte) 0);
            // LZW, minimum code size 2: clear (4), colour 0, end (5) in 3-bit codes, least significant bit first
            gif.put((byte) 2).put((byte) 2).put((byte) 0x44).put((byte) 0x01).put((byte) 0);
        }
        return gif.put((byte) 0x3B).array();
    }

    /** {@code count} zero bytes, deflated (zlib) at the best compression. */
    public static byte[] deflatedZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long left = count; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
