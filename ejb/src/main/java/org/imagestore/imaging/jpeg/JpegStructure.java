package org.imagestore.imaging.jpeg;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The marker segments of a JPEG up to its first scan: frame, quantisation and Huffman tables, restart interval,
 * Adobe colour transform and the embedded ICC profile. Parsing stops at the first SOS; later table
 * definitions (between scans) are read by the decoder as it meets them.
 */
final class JpegStructure {

    /** A frame component: id, sampling factors, quantisation table. */
    record Component(int id, int h, int v, int quantTable) {
    }

    int frameMarker = -1;
    int precision;
    int width;
    int height;
    final List<Component> components = new ArrayList<>();
    final int[][] quant = new int[4][];
    final HuffmanTable[] dc = new HuffmanTable[4];
    final HuffmanTable[] ac = new HuffmanTable[4];
    int restartInterval;
    /** Adobe APP14 transform flag: -1 absent, 0 none (RGB/CMYK), 1 YCbCr, 2 YCCK. */
    int adobeTransform = -1;
    private final TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
    /** Offset of the first SOS marker. */
    int firstScan = -1;

    static JpegStructure parse(byte[] data) {
        JpegStructure s = new JpegStructure();
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new UnsupportedJpegException("not a JPEG (no SOI)");
        }
        int pos = 2;
        while (pos + 4 <= data.length) {
            int marker = s.nextMarker(data, pos);
            pos = s.markerEnd;
            if (marker == 0xDA) {
                s.firstScan = pos - 2;
                return s;
            }
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            int length = u16(data, pos);
            if (length < 2 || pos + length > data.length) {
                throw new UnsupportedJpegException("segment runs past the end of the file");
            }
            s.segment(marker, data, pos + 2, pos + length);
            pos += length;
        }
        throw new UnsupportedJpegException("no scan");
    }

    private int markerEnd;

    /** Reads the marker at {@code pos} (skipping fill bytes); leaves {@link #markerEnd} after it. */
    private int nextMarker(byte[] data, int pos) {
        if ((data[pos] & 0xFF) != 0xFF) {
            throw new UnsupportedJpegException("marker expected at " + pos);
        }
        while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new UnsupportedJpegException("file ends in a marker");
        }
        markerEnd = pos + 1;
        return data[pos] & 0xFF;
    }

    /** Interprets a table or frame segment; {@code from..to} is its payload. Also used between scans. */
    void segment(int marker, byte[] data, int from, int to) {
        switch (marker) {
            case 0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> frame(marker, data, from);
            case 0xC4 -> huffman(data, from, to);
            case 0xDB -> quantisation(data, from, to);
            case 0xDD -> restartInterval = u16(data, from);
            case 0xEE -> adobe(data, from, to);
            case 0xE2 -> icc(data, from, to);
            default -> {
                // APPn, COM, ...: nothing the decoder needs
            }
        }
    }

    private void frame(int marker, byte[] data, int p) {
        frameMarker = marker;
        precision = data[p] & 0xFF;
        height = u16(data, p + 1);
        width = u16(data, p + 3);
        int n = data[p + 5] & 0xFF;
        for (int i = 0; i < n; i++) {
            int q = p + 6 + i * 3;
            int sampling = data[q + 1] & 0xFF;
            components.add(new Component(data[q] & 0xFF, sampling >> 4, sampling & 15, data[q + 2] & 3));
        }
    }

    private void huffman(byte[] data, int p, int to) {
        while (p < to) {
            int tc = (data[p] & 0xFF) >> 4;
            int th = data[p] & 3;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[p + 1 + i] & 0xFF;
                total += counts[i];
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[p + 17 + i] & 0xFF;
            }
            (tc == 0 ? dc : ac)[th] = HuffmanTable.of(counts, symbols, tc != 0);
            p += 17 + total;
        }
    }

    private void quantisation(byte[] data, int p, int to) {
        while (p < to) {
            int sixteenBit = (data[p] & 0xFF) >> 4;
            int id = data[p] & 3;
            int[] table = new int[64]; // zigzag order, as stored
            for (int i = 0; i < 64; i++) {
                table[i] = sixteenBit == 0 ? data[p + 1 + i] & 0xFF : u16(data, p + 1 + 2 * i);
            }
            quant[id] = table;
            p += 1 + (sixteenBit == 0 ? 64 : 128);
        }
    }

    private void adobe(byte[] data, int p, int to) {
        if (to - p >= 12 && data[p] == 'A' && data[p + 1] == 'd' && data[p + 2] == 'o' && data[p + 3] == 'b'
                && data[p + 4] == 'e') {
            adobeTransform = data[p + 11] & 0xFF;
        }
    }

    private void icc(byte[] data, int p, int to) {
        byte[] tag = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (to - p < tag.length + 2 || !java.util.Arrays.equals(data, p, p + tag.length, tag, 0, tag.length)) {
            return;
        }
        int sequence = data[p + tag.length] & 0xFF;
        iccChunks.put(sequence, java.util.Arrays.copyOfRange(data, p + tag.length + 2, to));
    }

    /** The embedded ICC profile, if there is a complete, parseable one. */
    Optional<ICC_Profile> iccProfile() {
        if (iccChunks.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        iccChunks.values().forEach(all::writeBytes);
        try {
            return Optional.of(ICC_Profile.getInstance(all.toByteArray()));
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    int maxH() {
        return components.stream().mapToInt(Component::h).max().orElse(1);
    }

    int maxV() {
        return components.stream().mapToInt(Component::v).max().orElse(1);
    }

    static int u16(byte[] data, int p) {
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }
}
