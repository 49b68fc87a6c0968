package org.imagestore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the photo folder holds, counted from the files themselves: how many JPEGs, how many bytes, and how many are
 * progressive. The frame type is read from each file's first start-of-frame marker (ITU T.81 B.1.1.3: SOF0
 * baseline, SOF1 extended sequential, SOF2 progressive, ...), walking the marker segments from the start; no
 * pixel is decoded. {@code bench/run} prints the counts into its results, so the README's "(N progressive)" is
 * a measured figure.
 *
 * <p>usage: {@code PhotoSetFacts --photos DIR}. Prints {@code photo=<name> <frame> <width>x<height>} per file,
 * then {@code photos=}, {@code bytes=}, {@code baseline=}, {@code progressive=}, {@code other=}.
 */
public final class PhotoSetFacts {

    private PhotoSetFacts() {
    }

    /** The first frame header of a JPEG: its SOF marker's name and the picture's size. */
    record Frame(String type, int width, int height) {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(Options.parse(args).required("photos"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.jpg photos in " + folder);
        }
        long bytes = 0;
        Map<String, Integer> byType = new TreeMap<>();
        for (Path file : files) {
            byte[] data = Files.readAllBytes(file);
            bytes += data.length;
            Frame frame = frame(data);
            byType.merge(frame.type(), 1, Integer::sum);
            System.out.printf(Locale.ROOT, "photo=%s %s %dx%d%n", file.getFileName(), frame.type(), frame.width(),
                    frame.height());
        }
        int baseline = byType.getOrDefault("baseline", 0);
        int progressive = byType.getOrDefault("progressive", 0);
        System.out.println("photos=" + files.size());
        System.out.println("bytes=" + bytes);
        System.out.println("baseline=" + baseline);
        System.out.println("progressive=" + progressive);
        System.out.println("other=" + (files.size() - baseline - progressive));
    }

    /** The first start-of-frame of a JPEG file. */
    static Frame frame(byte[] data) throws IOException {
        if (data.length < 4 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != 0xD8) {
            throw new IOException("not a JPEG (no SOI marker)");
        }
        int pos = 2;
        while (pos + 3 < data.length) {
            if ((data[pos] & 0xff) != 0xFF) {
                throw new IOException("no marker at byte " + pos);
            }
            int marker = data[pos + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // TEM, RSTn: no length
                pos += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new IOException("no frame header before " + (marker == 0xDA ? "the first scan" : "the end"));
            }
            int length = ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (pos + 8 >= data.length) {
                    throw new IOException("truncated frame header");
                }
                int height = ((data[pos + 5] & 0xff) << 8) | (data[pos + 6] & 0xff);
                int width = ((data[pos + 7] & 0xff) << 8) | (data[pos + 8] & 0xff);
                return new Frame(type(marker), width, height);
            }
            pos += 2 + length;
        }
        throw new IOException("no frame header");
    }

    private static String type(int sof) {
        return switch (sof) {
            case 0xC0 -> "baseline";
            case 0xC1 -> "extended-sequential";
            case 0xC2 -> "progressive";
            case 0xC3 -> "lossless";
            default -> String.format(Locale.ROOT, "sof-%02x", sof); // hierarchical or arithmetic-coded
        };
    }
}
