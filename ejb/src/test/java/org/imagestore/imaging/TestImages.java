package org.imagestore.imaging;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Crafted test images: generated pixels, encoded with our codecs, with hand-made EXIF and headers. */
public final class TestImages {

    private TestImages() {
    }

    /** Quadrants coloured red (top left), green (top right), blue (bottom left), yellow (bottom right). */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                Color c = bottom ? (right ? Color.YELLOW : Color.BLUE) : (right ? Color.GREEN : Color.RED);
                image.setRGB(x, y, c.getRGB());
            }
        }
        return image;
    }

    /** Smooth gradients, edges and noise: something like a photograph for codec comparisons. */
    public static BufferedImage photoLike(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / width;
                int g = 255 * y / height;
                int b = ((x / 37 + y / 23) % 2 == 0) ? 200 : 60;
                int n = random.nextInt(21) - 10;
                image.setRGB(x, y, clamp(r + n) << 16 | clamp(g + n) << 8 | clamp(b + n));
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] encode(BufferedImage image, ImageFormat format) {
        return encode(image, format, null);
    }

    /** Encodes with our codec registry; {@code param} may be null for the writer's defaults. */
    public static byte[] encode(BufferedImage image, ImageFormat format, ImageWriteParam param) {
        try {
            ImageWriter writer = Codecs.standard().writer(format);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = Codecs.memoryOutput(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image, int quality) {
        try {
            ImageWriter writer = Codecs.standard().writer(ImageFormat.JPEG);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.dispose();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            return encode(image, ImageFormat.JPEG, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an APP1 EXIF segment inserted right after its SOI marker. */
    public static byte[] withExif(byte[] jpeg, Exif exif) {
        byte[] tiff = exif.tiff();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + tiff.length + 10);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (tiff.length + 8));
        out.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        return withExif(jpeg, new Exif().orientation(orientation));
    }

    /** A minimal big-endian EXIF (TIFF) structure: IFD0, the EXIF sub-IFD and the GPS IFD, as far as set. */
    public static final class Exif {
        private int orientation;
        private String make;
        private String model;
        private String dateTimeOriginal;
        private String offsetTimeOriginal;
        private double[] gps; // lat, lon, altitude (negative: below sea level)

        public Exif orientation(int value) {
            orientation = value;
            return this;
        }

        public Exif camera(String cameraMake, String cameraModel) {
            make = cameraMake;
            model = cameraModel;
            return this;
        }

        public Exif taken(String exifDateTime, String offset) {
            dateTimeOriginal = exifDateTime;
            offsetTimeOriginal = offset;
            return this;
        }

        public Exif gps(double latitude, double longitude, double altitude) {
            gps = new double[] {latitude, longitude, altitude};
            return this;
        }

        private record Entry(int tag, int type, int count, byte[] value) {
        }

        public byte[] tiff() {
            List<Entry> ifd0 = new ArrayList<>();
            if (make != null) {
                ifd0.add(ascii(0x010F, make));
            }
            if (model != null) {
                ifd0.add(ascii(0x0110, model));
            }
            if (orientation != 0) {
                ifd0.add(new Entry(0x0112, 3, 1, new byte[] {0, (byte) orientation, 0, 0}));
            }
            List<Entry> exif = new ArrayList<>();
            if (dateTimeOriginal != null) {
                exif.add(ascii(0x9003, dateTimeOriginal));
            }
            if (offsetTimeOriginal != null) {
                exif.add(ascii(0x9011, offsetTimeOriginal));
            }
            List<Entry> gpsIfd = new ArrayList<>();
            if (gps != null) {
                gpsIfd.add(ascii(0x0001, gps[0] >= 0 ? "N" : "S"));
                gpsIfd.add(new Entry(0x0002, 5, 3, degrees(Math.abs(gps[0]))));
                gpsIfd.add(ascii(0x0003, gps[1] >= 0 ? "E" : "W"));
                gpsIfd.add(new Entry(0x0004, 5, 3, degrees(Math.abs(gps[1]))));
                gpsIfd.add(new Entry(0x0005, 1, 1, new byte[] {(byte) (gps[2] < 0 ? 1 : 0), 0, 0, 0}));
                gpsIfd.add(new Entry(0x0006, 5, 1, rationals(Math.abs(gps[2]))));
            }
            // layout: header, IFD0, EXIF IFD, GPS IFD, each followed by its out-of-line values
            int ifd0Size = size(ifd0, (exif.isEmpty() ? 0 : 1) + (gpsIfd.isEmpty() ? 0 : 1));
            int exifOffset = 8 + ifd0Size;
            int exifSize = exif.isEmpty() ? 0 : size(exif, 0);
            int gpsOffset = exifOffset + exifSize;
            if (!exif.isEmpty()) {
                ifd0.add(new Entry(0x8769, 4, 1, ByteBuffer.allocate(4).putInt(exifOffset).array()));
            }
            if (!gpsIfd.isEmpty()) {
                ifd0.add(new Entry(0x8825, 4, 1, ByteBuffer.allocate(4).putInt(gpsOffset).array()));
            }
            ByteBuffer out = ByteBuffer.allocate(gpsOffset + (gpsIfd.isEmpty() ? 0 : size(gpsIfd, 0)));
            out.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
            writeIfd(out, ifd0, 8);
            if (!exif.isEmpty()) {
                writeIfd(out, exif, exifOffset);
            }
            if (!gpsIfd.isEmpty()) {
                writeIfd(out, gpsIfd, gpsOffset);
            }
            return out.array();
        }

        private static int size(List<Entry> entries, int extraEntries) {
            int size = 2 + 12 * (entries.size() + extraEntries) + 4;
            for (Entry e : entries) {
                size += e.value.length > 4 ? e.value.length : 0;
            }
            return size;
        }

        private static void writeIfd(ByteBuffer out, List<Entry> entries, int offset) {
            entries.sort(java.util.Comparator.comparingInt(Entry::tag));
            int data = offset + 2 + 12 * entries.size() + 4;
            out.position(offset);
            out.putShort((short) entries.size());
            List<byte[]> outOfLine = new ArrayList<>();
            for (Entry e : entries) {
                out.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
                if (e.value.length <= 4) {
                    out.put(java.util.Arrays.copyOf(e.value, 4));
                } else {
                    out.putInt(data);
                    data += e.value.length;
                    outOfLine.add(e.value);
                }
            }
            out.putInt(0);
            outOfLine.forEach(out::put);
        }

        private static Entry ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, bytes.length, bytes);
        }

        private static byte[] degrees(double value) {
            int d = (int) value;
            double minutes = (value - d) * 60;
            int m = (int) minutes;
            int microSeconds = (int) Math.round((minutes - m) * 60 * 1_000_000);
            return ByteBuffer.allocate(24).putInt(d).putInt(1).putInt(m).putInt(1).putInt(microSeconds)
                    .putInt(1_000_000).array();
        }

        private static byte[] rationals(double value) {
            return ByteBuffer.allocate(8).putInt((int) Math.round(value * 100)).putInt(100).array();
        }
    }

    /** A PNG of one IHDR declaring {@code width x height}, an empty IDAT and IEND: tiny, but a huge declared image. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real small JPEG whose SOF0 dimensions are rewritten to {@code width x height}. */
    public static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(quadrants(16, 16), 90);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0");
    }

    /** Distance between two colours: the largest channel difference. */
    public static int distance(int rgb, Color expected) {
        int dr = Math.abs((rgb >> 16 & 0xFF) - expected.getRed());
        int dg = Math.abs((rgb >> 8 & 0xFF) - expected.getGreen());
        int db = Math.abs((rgb & 0xFF) - expected.getBlue());
        return Math.max(dr, Math.max(dg, db));
    }
}
