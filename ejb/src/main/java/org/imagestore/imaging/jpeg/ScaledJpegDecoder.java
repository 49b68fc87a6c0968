package org.imagestore.imaging.jpeg;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a sequential Huffman JPEG (baseline or extended, 8-bit, gray, YCbCr or RGB) at 1/2, 1/4 or 1/8 of its
 * size in the DCT domain, like libjpeg's {@code scale_denom}: every coefficient still has to be Huffman-decoded,
 * but only the low frequencies are kept and each block is inverse-transformed straight to 4x4, 2x2 or 1x1 samples
 * ({@link ScaledIdct}); at 1/8 that is the DC term alone. Chroma blocks of subsampled components are transformed
 * to the size they cover, so chroma comes out at full output resolution without an upsampling step.
 *
 * <p>Progressive files are decoded at 1/8 from their DC scans alone (the AC scans are not even read). At other
 * scales every scan is decoded, and the coefficients the scaled IDCT uses are gathered over them
 * ({@link ProgressiveCoefficients}) before any block is transformed, as libjpeg does.
 *
 * <p>Only the MCU rows that a region needs are decoded: each scan stops after the last one. Anything else
 * (arithmetic coding, 12-bit, lossless, CMYK/YCCK, odd sampling factors, damaged
 * data) throws {@link UnsupportedJpegException}, and the caller uses Image I/O instead. Not thread-safe; one
 * instance per decode.
 */
public final class ScaledJpegDecoder {

    /** Zigzag position {@code k} to natural (row-major) index. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63
    };

    /**
     * The decoded region: {@code image} pixel (i, j) is the mean of source pixels
     * {@code [originX + i*scale, originX + (i+1)*scale) x [originY + j*scale, ...)}. The image is
     * {@code TYPE_BYTE_GRAY}, {@code TYPE_3BYTE_BGR}, or BGR bytes in the JPEG's embedded ICC colour space.
     */
    public record Scaled(BufferedImage image, int originX, int originY, int scale) {
    }

    /** Per-component decoding state. */
    private static final class Plane {
        final int h;
        final int v;
        final int[] quant;
        int blockW;      // output samples per block, horizontally (1..8)
        int blockH;
        int repeatX;     // output pixels per plane sample when a block covers more than 8 of them
        int repeatY;
        final int[] coef = new int[64];
        boolean[] keep;  // by zigzag position: is the coefficient used by the scaled IDCT?
        int lastKept;    // the highest zigzag position kept
        int[] keptAc;    // natural indices of the kept AC coefficients, cleared before each block
        byte[] samples;
        int stride;
        int predictor;
        boolean done;
        int[] dc;        // progressive files: DC coefficients (point-transformed back) of every block, row by row
        ProgressiveCoefficients ac; // progressive files not at 1/8: the kept AC coefficients
        int gridW;       // blocks per row of this component's grid (MCU-padded)

        Plane(JpegStructure.Component c, int[] quant) {
            this.h = c.h();
            this.v = c.v();
            this.quant = quant;
        }
    }

    private final byte[] data;
    private final JpegStructure jpeg;
    private final ScaledIdct idct = new ScaledIdct();
    private Plane[] planes;
    private int mcusX;
    private int firstMcuRow;
    private int lastMcuRow;

    private ScaledJpegDecoder(byte[] data) {
        this.data = data;
        this.jpeg = JpegStructure.parse(data);
    }

    /** Frame width and height if this decoder can handle the file; empty if Image I/O must. */
    public static Optional<int[]> supportedSize(byte[] data) {
        try {
            JpegStructure s = JpegStructure.parse(data);
            checkSupported(s);
            return Optional.of(new int[] {s.width, s.height});
        } catch (UnsupportedJpegException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * Bytes a decode of {@code regionPixels} source pixels at 1/{@code scale} holds besides the file's bytes, an
     * unstuffed copy of them and its output: for a progressive file, its coefficients until the last scan (the
     * DC terms, and the kept AC terms with a non-zero mask of each block: at most {@code 4 / scale} bytes a source
     * pixel, 4:4:4 being the most); nothing for a sequential one. Reads the markers up to the frame header.
     */
    public static long coefficientBytes(Path file, long regionPixels, int scale) throws IOException {
        return frameMarker(file) == 0xC2 ? regionPixels * 4 / scale : 0;
    }

    /** The SOFn marker, read segment by segment from the start of the file; -1 if there is none. */
    private static int frameMarker(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            long pos = 2;
            while (channel.read(head.clear(), pos) == 4) {
                int marker = head.get(1) & 0xFF;
                if ((head.get(0) & 0xFF) != 0xFF || marker == 0xDA || marker == 0xD9) {
                    return -1;
                }
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    return marker;
                }
                pos += 2 + (head.getShort(2) & 0xFFFF);
            }
            return -1;
        }
    }

    /**
     * @param scale  1, 2, 4 or 8 (1 means a full-size, 8x8 IDCT decode)
     * @param region the part of the stored image that is needed; the result may extend a little beyond it
     */
    public static Scaled decode(byte[] data, int scale, Rectangle region) {
        if (Integer.bitCount(scale) != 1 || scale > 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8: " + scale);
        }
        try {
            return new ScaledJpegDecoder(data).run(scale, region);
        } catch (IndexOutOfBoundsException | NullPointerException | IllegalArgumentException damaged) {
            // truncated segments, missing or invalid tables, a broken ICC profile
            throw new UnsupportedJpegException("damaged JPEG: " + damaged);
        }
    }

    private static void checkSupported(JpegStructure s) {
        if (s.frameMarker != 0xC0 && s.frameMarker != 0xC1 && s.frameMarker != 0xC2) {
            throw new UnsupportedJpegException("not a Huffman-coded JPEG (SOF" + (s.frameMarker - 0xC0) + ")");
        }
        if (s.precision != 8) {
            throw new UnsupportedJpegException(s.precision + "-bit samples");
        }
        int n = s.components.size();
        if (n != 1 && n != 3) {
            throw new UnsupportedJpegException(n + " components (CMYK/YCCK are left to Image I/O)");
        }
        if (s.width == 0 || s.height == 0) {
            throw new UnsupportedJpegException("height defined by DNL");
        }
        int maxH = s.maxH();
        int maxV = s.maxV();
        for (JpegStructure.Component c : s.components) {
            if (c.h() == 0 || c.v() == 0 || maxH % c.h() != 0 || maxV % c.v() != 0
                    || Integer.bitCount(maxH / c.h()) != 1 || Integer.bitCount(maxV / c.v()) != 1) {
                throw new UnsupportedJpegException("sampling factors " + c.h() + "x" + c.v());
            }
        }
    }

    private Scaled run(int scale, Rectangle region) {
        checkSupported(jpeg);
        boolean progressive = jpeg.frameMarker == 0xC2;
        int maxH = jpeg.maxH();
        int maxV = jpeg.maxV();
        int perBlock = 8 / scale; // output samples of a full-resolution 8x8 block
        mcusX = ceilDiv(jpeg.width, 8 * maxH);
        int mcusY = ceilDiv(jpeg.height, 8 * maxV);
        firstMcuRow = Math.max(0, region.y / (8 * maxV));
        lastMcuRow = Math.min(mcusY - 1, (region.y + region.height - 1) / (8 * maxV));
        int mcuRows = lastMcuRow - firstMcuRow + 1;

        List<JpegStructure.Component> components = jpeg.components;
        planes = new Plane[components.size()];
        for (int i = 0; i < planes.length; i++) {
            JpegStructure.Component c = components.get(i);
            int[] quant = jpeg.quant[c.quantTable()];
            if (quant == null) {
                throw new UnsupportedJpegException("missing quantisation table");
            }
            Plane p = new Plane(c, quant);
            int coverW = perBlock * maxH / c.h(); // output samples this component's block covers
            int coverH = perBlock * maxV / c.v();
            p.blockW = Math.min(8, coverW);
            p.blockH = Math.min(8, coverH);
            p.repeatX = coverW / p.blockW;
            p.repeatY = coverH / p.blockH;
            p.keep = new boolean[64];
            for (int k = 0; k < 64; k++) {
                p.keep[k] = NATURAL[k] % 8 < p.blockW && NATURAL[k] / 8 < p.blockH;
                if (p.keep[k]) {
                    p.lastKept = k;
                }
            }
            p.keptAc = java.util.stream.IntStream.rangeClosed(1, p.lastKept).filter(k -> p.keep[k]).map(k -> NATURAL[k])
                    .toArray();
            if (progressive) {
                p.gridW = mcusX * c.h();
                p.dc = new int[p.gridW * mcusY * c.v()];
                if (scale == 8) {
                    dcOnly(p, coverW, coverH);
                } else {
                    p.ac = new ProgressiveCoefficients(p.keep, p.gridW, firstMcuRow * c.v(), (lastMcuRow + 1) * c.v());
                }
            }
            p.stride = mcusX * c.h() * p.blockW;
            p.samples = new byte[p.stride * mcuRows * c.v() * p.blockH];
            planes[i] = p;
        }
        if (progressive) {
            decodeProgressive();
        } else {
            decodeScans();
        }
        return assemble(scale, region, perBlock * maxV);
    }

    /**
     * One output sample per block, from its DC coefficient alone; subsampled chroma is repeated over the
     * luma samples it covers (a thumbnail's chroma needs no more).
     */
    private static void dcOnly(Plane p, int coverW, int coverH) {
        p.blockW = 1;
        p.blockH = 1;
        p.repeatX = coverW;
        p.repeatY = coverH;
        p.keep = new boolean[64];
        p.keep[0] = true;
        p.lastKept = 0;
        p.keptAc = new int[0];
    }

    /**
     * Progressive files: their DC coefficients come first, in scans of their own (a first pass and one-bit
     * refinements), then the AC scans, one component each; at 1/8 those are stepped over by looking for the next
     * marker. Then every block is placed.
     */
    private void decodeProgressive() {
        int pos = jpeg.firstScan;
        while (pos + 1 < data.length) {
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int segment = pos + 2;
            int length = JpegStructure.u16(data, segment);
            if (marker == 0xDA) {
                pos = progressiveScan(segment + 2, segment + length);
            } else {
                jpeg.segment(marker, data, segment + 2, segment + length);
                pos = segment + length;
            }
        }
        if (!allDone()) {
            throw new UnsupportedJpegException("the DC scans do not cover every component");
        }
        for (Plane p : planes) {
            int firstRow = firstMcuRow * p.v;
            int rows = (lastMcuRow + 1) * p.v;
            for (int by = firstRow; by < rows; by++) {
                for (int bx = 0; bx < p.gridW; bx++) {
                    int block = by * p.gridW + bx;
                    p.coef[0] = p.dc[block] * p.quant[0];
                    if (p.ac != null) {
                        p.ac.fill(block, p.coef, p.quant);
                    }
                    place(p, bx, by - firstRow);
                }
            }
        }
    }

    /** One scan of a progressive file (T.81 G.1.2): DC first pass or refinement, or an AC scan. */
    private int progressiveScan(int header, int dataStart) {
        int count = data[header] & 0xFF;
        int spectral = header + 1 + 2 * count;
        int spectralStart = data[spectral] & 0xFF;
        int spectralEnd = data[spectral + 1] & 0xFF;
        int successive = data[spectral + 2] & 0xFF;
        int high = successive >> 4;
        int low = successive & 15;
        if (spectralStart != 0) {
            if (planes[0].ac == null) { // at 1/8 the DC terms are all that is used
                return EntropyReader.nextMarker(data, dataStart);
            }
            if (count != 1 || spectralEnd < spectralStart || spectralEnd > 63 || low > 13) {
                throw new UnsupportedJpegException("invalid AC scan");
            }
            Plane p = planes[indexOf(data[header + 1] & 0xFF)];
            HuffmanTable table = jpeg.ac[data[header + 2] & 3];
            if (table == null) {
                throw new UnsupportedJpegException("missing Huffman table");
            }
            return acScan(new EntropyReader(data, dataStart), p, table, spectralStart, spectralEnd, high, low);
        }
        Plane[] members = new Plane[count];
        HuffmanTable[] tables = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            members[i] = planes[indexOf(data[header + 1 + 2 * i] & 0xFF)];
            tables[i] = jpeg.dc[(data[header + 2 + 2 * i] & 0xFF) >> 4 & 3];
            if (high == 0 && tables[i] == null) {
                throw new UnsupportedJpegException("missing Huffman table");
            }
        }
        boolean first = high == 0;
        EntropyReader in = new EntropyReader(data, dataStart);
        int restart = jpeg.restartInterval;
        int mcu = 0;
        if (count == 1) {
            Plane p = members[0];
            int blocksX = ceilDiv(ceilDiv(jpeg.width * p.h, jpeg.maxH()), 8);
            int lastRow = Math.min(ceilDiv(ceilDiv(jpeg.height * p.v, jpeg.maxV()), 8), (lastMcuRow + 1) * p.v) - 1;
            p.predictor = 0;
            for (int by = 0; by <= lastRow; by++) {
                for (int bx = 0; bx < blocksX; bx++, mcu++) {
                    if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                        restart(in, members);
                    }
                    dcCoefficient(in, p, tables[0], by * p.gridW + bx, first, low);
                }
            }
        } else {
            for (Plane p : members) {
                p.predictor = 0;
            }
            for (int my = 0; my <= lastMcuRow; my++) {
                for (int mx = 0; mx < mcusX; mx++, mcu++) {
                    if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                        restart(in, members);
                    }
                    for (int i = 0; i < count; i++) {
                        Plane p = members[i];
                        for (int by = 0; by < p.v; by++) {
                            for (int bx = 0; bx < p.h; bx++) {
                                int block = (my * p.v + by) * p.gridW + mx * p.h + bx;
                                dcCoefficient(in, p, tables[i], block, first, low);
                            }
                        }
                    }
                }
            }
        }
        if (first) {
            for (Plane p : members) {
                p.done = true;
            }
        }
        // rows below the region are not needed: the rest of the scan is stepped over too
        return EntropyReader.nextMarker(data, in.position());
    }

    /** An AC scan of one component, over its own (unpadded) block grid down to the region's last row. */
    private int acScan(EntropyReader in, Plane p, HuffmanTable table, int start, int end, int high, int low) {
        ProgressiveCoefficients ac = p.ac;
        ac.startSegment();
        int blocksX = ceilDiv(ceilDiv(jpeg.width * p.h, jpeg.maxH()), 8);
        int lastRow = Math.min(ceilDiv(ceilDiv(jpeg.height * p.v, jpeg.maxV()), 8), (lastMcuRow + 1) * p.v) - 1;
        int restart = jpeg.restartInterval;
        int mcu = 0;
        for (int by = 0; by <= lastRow; by++) {
            for (int bx = 0; bx < blocksX; bx++, mcu++) {
                if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                    in.restart();
                    ac.startSegment();
                }
                if (high == 0) {
                    ac.first(in, table, by * p.gridW + bx, start, end, low);
                } else {
                    ac.refine(in, table, by * p.gridW + bx, start, end, low);
                }
            }
        }
        return EntropyReader.nextMarker(data, in.position());
    }

    /** A DC difference (first pass: point-transformed by {@code low}) or one more bit of it (refinement). */
    private static void dcCoefficient(EntropyReader in, Plane p, HuffmanTable table, int block, boolean first, int low) {
        if (first) {
            int t = in.decode(table);
            p.predictor += t == 0 ? 0 : in.receiveExtend(t);
            p.dc[block] = p.predictor << low;
        } else if (in.receiveExtend(1) > 0) {
            p.dc[block] |= 1 << low;
        }
    }

    /** Walks the markers from the first scan: tables between scans, then each scan, until every plane is done. */
    private void decodeScans() {
        int pos = jpeg.firstScan;
        while (pos + 1 < data.length && !allDone()) {
            int marker = data[pos + 1] & 0xFF;
            int segment = pos + 2;
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int length = JpegStructure.u16(data, segment);
            if (marker == 0xDA) {
                pos = scan(segment + 2, segment + length);
            } else {
                jpeg.segment(marker, data, segment + 2, segment + length);
                pos = segment + length;
            }
        }
        if (!allDone()) {
            throw new UnsupportedJpegException("the scans do not cover every component");
        }
    }

    private boolean allDone() {
        for (Plane p : planes) {
            if (!p.done) {
                return false;
            }
        }
        return true;
    }

    /** Decodes one scan whose header starts at {@code header}; returns the position of the marker after it. */
    private int scan(int header, int dataStart) {
        int count = data[header] & 0xFF;
        Plane[] members = new Plane[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = data[header + 1 + 2 * i] & 0xFF;
            int tables = data[header + 2 + 2 * i] & 0xFF;
            members[i] = planes[indexOf(id)];
            dc[i] = jpeg.dc[tables >> 4 & 3];
            ac[i] = jpeg.ac[tables & 3];
            if (dc[i] == null || ac[i] == null) {
                throw new UnsupportedJpegException("missing Huffman table");
            }
        }
        for (Plane p : planes) {
            p.predictor = 0;
        }
        EntropyReader in = new EntropyReader(data, dataStart);
        if (count == 1) {
            singleComponentScan(in, members[0], dc[0], ac[0]);
        } else {
            interleavedScan(in, members, dc, ac);
        }
        for (Plane p : members) {
            p.done = true;
        }
        return EntropyReader.nextMarker(data, in.position());
    }

    private int indexOf(int componentId) {
        for (int i = 0; i < planes.length; i++) {
            if (jpeg.components.get(i).id() == componentId) {
                return i;
            }
        }
        throw new UnsupportedJpegException("scan names an unknown component " + componentId);
    }

    private void interleavedScan(EntropyReader in, Plane[] members, HuffmanTable[] dc, HuffmanTable[] ac) {
        int restart = jpeg.restartInterval;
        int mcu = 0;
        for (int my = 0; my <= lastMcuRow; my++) {
            boolean wanted = my >= firstMcuRow;
            for (int mx = 0; mx < mcusX; mx++, mcu++) {
                if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                    restart(in, members);
                }
                for (int i = 0; i < members.length; i++) {
                    Plane p = members[i];
                    for (int by = 0; by < p.v; by++) {
                        for (int bx = 0; bx < p.h; bx++) {
                            decodeBlock(in, p, dc[i], ac[i]);
                            if (wanted) {
                                place(p, mx * p.h + bx, (my - firstMcuRow) * p.v + by);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A non-interleaved scan: one block per MCU, over the component's own (unpadded) block grid. */
    private void singleComponentScan(EntropyReader in, Plane p, HuffmanTable dc, HuffmanTable ac) {
        int restart = jpeg.restartInterval;
        int blocksX = ceilDiv(ceilDiv(jpeg.width * p.h, jpeg.maxH()), 8);
        int blocksY = ceilDiv(ceilDiv(jpeg.height * p.v, jpeg.maxV()), 8);
        int firstRow = firstMcuRow * p.v;
        int lastRow = Math.min(blocksY - 1, (lastMcuRow + 1) * p.v - 1);
        int mcu = 0;
        for (int by = 0; by <= lastRow; by++) {
            for (int bx = 0; bx < blocksX; bx++, mcu++) {
                if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                    restart(in, new Plane[] {p});
                }
                decodeBlock(in, p, dc, ac);
                if (by >= firstRow) {
                    place(p, bx, by - firstRow);
                }
            }
        }
    }

    private static void restart(EntropyReader in, Plane[] members) {
        in.restart();
        for (Plane p : members) {
            p.predictor = 0;
        }
    }

    /** Huffman-decodes one block (T.81 F.2.2.1-2), keeping and dequantising only the coefficients it will use. */
    private static void decodeBlock(EntropyReader in, Plane p, HuffmanTable dcTable, HuffmanTable acTable) {
        int[] coef = p.coef;
        boolean[] keep = p.keep;
        int[] quant = p.quant;
        int t = in.decode(dcTable);
        p.predictor += t == 0 ? 0 : in.receiveExtend(t);
        coef[0] = p.predictor * quant[0];
        for (int natural : p.keptAc) {
            coef[natural] = 0;
        }
        int last = p.lastKept;
        for (int k = 1; k < 64; k++) {
            if (k > last) { // the rest of the block is not needed: step over it
                in.skipCoefficients(acTable, k);
                return;
            }
            int rs = in.decode(acTable);
            int run = rs >> 4;
            int size = rs & 15;
            if (size == 0) {
                if (run != 15) {
                    break; // end of block
                }
                k += 15;
                continue;
            }
            k += run;
            if (k > 63) {
                throw new UnsupportedJpegException("coefficient index out of range");
            }
            if (keep[k]) {
                coef[NATURAL[k]] = in.receiveExtend(size) * quant[k];
            } else {
                in.skip(size);
            }
        }
    }

    private void place(Plane p, int blockX, int blockY) {
        idct.transform(p.coef, p.blockW, p.blockH, p.samples, blockY * p.blockH * p.stride + blockX * p.blockW, p.stride);
    }

    /** Crops the decoded rows to the region, converts to RGB where needed, and wraps the bytes as an image. */
    private Scaled assemble(int scale, Rectangle region, int mcuRowHeight) {
        int fullW = ceilDiv(jpeg.width, scale);
        int fullH = ceilDiv(jpeg.height, scale);
        int x0 = Math.max(0, region.x / scale);
        int y0 = Math.max(0, region.y / scale);
        int x1 = Math.min(fullW, ceilDiv(region.x + region.width, scale));
        int y1 = Math.min(fullH, ceilDiv(region.y + region.height, scale));
        int w = x1 - x0;
        int h = y1 - y0;
        int rowBase = firstMcuRow * mcuRowHeight;
        int bands = planes.length;
        byte[] out = new byte[w * h * bands];
        if (bands == 1) {
            Plane g = planes[0];
            for (int y = 0; y < h; y++) {
                int row = (y0 + y - rowBase) / g.repeatY * g.stride;
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = g.samples[row + (x0 + x) / g.repeatX];
                }
            }
        } else {
            boolean rgb = isRgb();
            Plane c0 = planes[0];
            Plane c1 = planes[1];
            Plane c2 = planes[2];
            int o = 0;
            for (int y = 0; y < h; y++) {
                int sy = y0 + y - rowBase;
                int r0 = sy / c0.repeatY * c0.stride;
                int r1 = sy / c1.repeatY * c1.stride;
                int r2 = sy / c2.repeatY * c2.stride;
                for (int x = 0; x < w; x++, o += 3) {
                    int sx = x0 + x;
                    int a = c0.samples[r0 + sx / c0.repeatX] & 0xFF;
                    int b = c1.samples[r1 + sx / c1.repeatX] & 0xFF;
                    int c = c2.samples[r2 + sx / c2.repeatX] & 0xFF;
                    if (rgb) {
                        out[o] = (byte) c;
                        out[o + 1] = (byte) b;
                        out[o + 2] = (byte) a;
                    } else {
                        YCbCr.toBgr(a, b, c, out, o);
                    }
                }
            }
        }
        return new Scaled(image(out, w, h, bands), x0 * scale, y0 * scale, scale);
    }

    /** Three components are RGB when an Adobe marker says "no transform", or the component ids spell R, G, B. */
    private boolean isRgb() {
        if (jpeg.adobeTransform >= 0) {
            return jpeg.adobeTransform == 0;
        }
        List<JpegStructure.Component> c = jpeg.components;
        return c.get(0).id() == 'R' && c.get(1).id() == 'G' && c.get(2).id() == 'B';
    }

    private BufferedImage image(byte[] samples, int w, int h, int bands) {
        if (bands == 1) {
            BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(samples, 0, ((DataBufferByte) gray.getRaster().getDataBuffer()).getData(), 0, samples.length);
            return gray;
        }
        Optional<ICC_Profile> icc = jpeg.iccProfile().filter(p -> p.getColorSpaceType() == ColorSpace.TYPE_RGB);
        if (icc.isEmpty()) {
            BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            System.arraycopy(samples, 0, ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData(), 0, samples.length);
            return bgr;
        }
        ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(icc.get()), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(samples, samples.length), w, h,
                w * 3, 3, new int[] {2, 1, 0}, null);
        return new BufferedImage(model, raster, false, null);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
