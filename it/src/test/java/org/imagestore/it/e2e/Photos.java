package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test images: the real photos of the ejb test-jar, made unique where a test needs its own image id. */
final class Photos {

    private static final Map<String, byte[]> PHOTOS = new ConcurrentHashMap<>();

    private Photos() {
    }

    /** A photo of the ejb test-jar's {@code /photos/}, read once. */
    static byte[] photo(String name) {
        return PHOTOS.computeIfAbsent(name, Photos::read).clone();
    }

    /**
     * The photo with a random comment added (a JPEG COM segment after the APPn segments, a PNG tEXt chunk
     * before IEND): the same picture and EXIF, but bytes no other test uploads, hence its own image id.
     */
    static byte[] uniquePhoto(String name) {
        return unique(photo(name));
    }

    /** {@link #uniquePhoto} for JPEG or PNG bytes. */
    static byte[] unique(byte[] image) {
        byte[] marker = ("imagestore-e2e " + Unique.hex(16)).getBytes(StandardCharsets.US_ASCII);
        if ((image[0] & 0xff) == 0xFF && (image[1] & 0xff) == 0xD8) {
            int pos = 2;
            while ((image[pos] & 0xff) == 0xFF && (image[pos + 1] & 0xff) >= 0xE0 && (image[pos + 1] & 0xff) <= 0xEF) {
                pos += 2 + ((image[pos + 2] & 0xff) << 8 | (image[pos + 3] & 0xff));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + marker.length + 4);
            out.write(image, 0, pos);
            out.write(0xFF);
            out.write(0xFE);
            out.write((marker.length + 2) >> 8);
            out.write((marker.length + 2) & 0xff);
            out.writeBytes(marker);
            out.write(image, pos, image.length - pos);
            return out.toByteArray();
        }
        if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            int iend = image.length - 12;
            byte[] keyword = "Comment\0".getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[keyword.length + marker.length];
            System.arraycopy(keyword, 0, data, 0, keyword.length);
            System.arraycopy(marker, 0, data, keyword.length, marker.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + data.length + 12);
            out.write(image, 0, iend);
            out.writeBytes(pngChunk("tEXt", data));
            out.write(image, iend, 12);
            return out.toByteArray();
        }
        throw new IllegalArgumentException("only JPEG and PNG can be made unique here");
    }

    /** A few megabytes of noise as a valid JPEG, different on every call. */
    static byte[] largeJpeg() {
        Random random = new Random();
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        assertTrue(jpeg.length > 2_000_000, "a large file: " + jpeg.length);
        return jpeg;
    }

    /** A PNG chunk: length, type, data, CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16 & 0xff);
        out.write(data.length >>> 8 & 0xff);
        out.write(data.length & 0xff);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24) & 0xff);
        out.write((int) (c >>> 16) & 0xff);
        out.write((int) (c >>> 8) & 0xff);
        out.write((int) c & 0xff);
        return out.toByteArray();
    }

    /**
     * Reads the photo from a freshly opened jar rather than through the class loader: the test-jar sits in the
     * local Maven repository, and a build elsewhere may replace it while these tests run, which breaks the class
     * loader's already opened copy ("invalid LOC header").
     */
    private static byte[] read(String name) {
        URL url = Photos.class.getResource("/photos/" + name);
        if (url == null) {
            throw new IllegalStateException("no /photos/" + name + " on the test classpath (the ejb test-jar)");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return url.getProtocol().equals("jar") ? readFromJar(url, name) : readFrom(url);
            } catch (IOException e) {
                last = e; // being rewritten right now: try again shortly
                Pause.millis(500);
            }
        }
        throw new UncheckedIOException("cannot read " + url, last);
    }

    private static byte[] readFromJar(URL url, String name) throws IOException {
        String spec = url.getPath();
        int bang = spec.indexOf("!/");
        Path jar = Path.of(URI.create(spec.substring(0, bang)));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(spec.substring(bang + 2));
            if (entry == null) {
                throw new IOException(name + " is not in " + jar);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static byte[] readFrom(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
