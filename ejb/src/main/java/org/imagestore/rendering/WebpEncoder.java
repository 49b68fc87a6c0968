package org.imagestore.rendering;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.imagestore.imaging.ImageInspector;

/**
 * Lossy WebP through libwebp's simple encoding API ({@code WebPEncodeBGR}, {@code WebPEncodeBGRA},
 * {@code WebPFree}), called with the JDK's foreign-function API: no JNI library of ours, only Debian's
 * {@code libwebp7}. Only the encoder runs natively, and only on a standard raster whose type, sides, stride and
 * length are checked here first, since a fault in native code would take the whole JVM down; decoding stays in
 * Java (TwelveMonkeys).
 *
 * <p>libwebp's output depends on its settings (quality, default method 4, single-threaded) and the pixels only,
 * so the same URL gives the same bytes, as rendition ETags require, among nodes with the same libwebp release.
 * A node without the library cannot write WebP: {@link #available()} says so and why, and
 * {@code format=webp} is refused there ({@link RenderSpec}); no URL without {@code format} ever turns into WebP,
 * so nodes that differ here never give different bytes for the same URL.
 *
 * <p>Thread-safe: the library is loaded once, when the instance is made; every call has its own confined arena.
 */
final class WebpEncoder {

    /** The library's soname in Debian's {@code libwebp7}, then the unversioned name the {@code -dev} package links. */
    static final List<String> LIBRARIES = List.of("libwebp.so.7", System.mapLibraryName("webp"));

    /** VP8 and VP8L store sides in 14 bits. */
    static final int MAX_SIDE = ImageInspector.MAX_SIDE_WEBP;

    private static final Logger LOG = Logger.getLogger(WebpEncoder.class.getName());

    /** Loaded on first use, once, by the class loader's lock (holder idiom). */
    private static final class Standard {
        static final WebpEncoder INSTANCE = new WebpEncoder(LIBRARIES);

        static {
            if (!INSTANCE.available()) {
                LOG.warning("WebP output is unavailable on this node (format=webp is refused): " + INSTANCE.unavailableReason());
            }
        }
    }

    /** {@code size_t WebPEncodeBGR[A](const uint8_t* in, int w, int h, int stride, float q, uint8_t** out)}; size_t is 64-bit on every platform Payara 7 runs on. */
    private static final FunctionDescriptor ENCODE = FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT,
            JAVA_INT, JAVA_FLOAT, ADDRESS);

    private record Functions(MethodHandle encodeBgr, MethodHandle encodeBgra, MethodHandle free) {
    }

    private final Functions functions; // null when the library could not be loaded
    private final String unavailableReason;

    /** Loads the first of {@code libraries} that the dynamic linker finds. */
    WebpEncoder(List<String> libraries) {
        Functions found = null;
        List<String> failures = new ArrayList<>();
        for (String library : libraries) {
            try {
                found = load(library);
                break;
            } catch (RuntimeException e) { // not found, a symbol missing, or native access denied to this module
                failures.add(library + ": " + e.getMessage());
            }
        }
        this.functions = found;
        this.unavailableReason = found == null ? String.join("; ", failures) : "";
    }

    /** The instance renders use: libwebp from the system's library path. */
    static WebpEncoder standard() {
        return Standard.INSTANCE;
    }

    boolean available() {
        return functions != null;
    }

    /** Why the library could not be loaded (empty when it was). */
    String unavailableReason() {
        return unavailableReason;
    }

    /**
     * Lossy WebP of a standard image at {@code quality} 1..100; alpha is kept (gray is written as RGB, WebP has no
     * gray). The global arena keeps the library mapped for the JVM's life: a redeploy only looks it up again.
     *
     * @throws IllegalStateException when the library is unavailable
     * @throws IllegalArgumentException when the image is not standard, or is larger than WebP allows
     */
    byte[] encode(BufferedImage standard, int quality) throws IOException {
        if (functions == null) {
            throw new IllegalStateException("libwebp is unavailable: " + unavailableReason);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, not " + quality);
        }
        Pixels pixels = Pixels.of(standard);
        MethodHandle encode = pixels.channels() == 4 ? functions.encodeBgra() : functions.encodeBgr();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(JAVA_BYTE, pixels.bytes());
            MemorySegment outPointer = arena.allocate(ADDRESS); // zeroed: NULL unless libwebp allocated
            long size;
            try {
                size = (long) encode.invokeExact(in, pixels.width(), pixels.height(), pixels.stride(), (float) quality,
                        outPointer);
            } catch (Throwable t) {
                throw new IOException("libwebp failed", t);
            }
            MemorySegment out = outPointer.get(ADDRESS, 0);
            try {
                if (size <= 0 || out.equals(MemorySegment.NULL)) {
                    throw new IOException("libwebp could not encode a " + pixels.width() + "x" + pixels.height() + " image");
                }
                return out.reinterpret(size).toArray(JAVA_BYTE);
            } finally {
                free(out);
            }
        }
    }

    private void free(MemorySegment out) throws IOException {
        if (out.equals(MemorySegment.NULL)) {
            return;
        }
        try {
            functions.free().invokeExact(out);
        } catch (Throwable t) {
            throw new IOException("WebPFree failed", t);
        }
    }

    private static Functions load(String library) {
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        Linker linker = Linker.nativeLinker();
        return new Functions(
                linker.downcallHandle(symbol(lookup, library, "WebPEncodeBGR"), ENCODE),
                linker.downcallHandle(symbol(lookup, library, "WebPEncodeBGRA"), ENCODE),
                linker.downcallHandle(symbol(lookup, library, "WebPFree"), FunctionDescriptor.ofVoid(ADDRESS)));
    }

    private static MemorySegment symbol(SymbolLookup lookup, String library, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalArgumentException(library + " has no " + name));
    }

    /**
     * The interleaved bytes handed to libwebp, in the order it is told (BGR or BGRA), checked against the sides so
     * that the native code never reads past them.
     */
    private record Pixels(byte[] bytes, int width, int height, int channels) {

        Pixels {
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new IllegalArgumentException("WebP sides are 1.." + MAX_SIDE + " px, not " + width + "x" + height);
            }
            if (bytes.length != (long) width * height * channels) {
                throw new IllegalArgumentException("a " + width + "x" + height + " raster of " + channels
                        + " channels has " + bytes.length + " bytes");
            }
        }

        int stride() {
            return width * channels;
        }

        /** TYPE_3BYTE_BGR as it is; TYPE_4BYTE_ABGR reordered to BGRA; gray repeated into BGR. */
        static Pixels of(BufferedImage standard) {
            if (!StandardImage.isStandard(standard)) {
                throw new IllegalArgumentException("not a standard image: type " + standard.getType());
            }
            int w = standard.getWidth();
            int h = standard.getHeight();
            byte[] in = StandardImage.bytes(standard);
            return switch (standard.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR -> new Pixels(in, w, h, 3);
                case BufferedImage.TYPE_4BYTE_ABGR -> {
                    byte[] bgra = new byte[in.length];
                    for (int i = 0; i + 3 < in.length; i += 4) {
                        bgra[i] = in[i + 1];
                        bgra[i + 1] = in[i + 2];
                        bgra[i + 2] = in[i + 3];
                        bgra[i + 3] = in[i];
                    }
                    yield new Pixels(bgra, w, h, 4);
                }
                default -> { // TYPE_BYTE_GRAY
                    byte[] bgr = new byte[in.length * 3];
                    for (int i = 0; i < in.length; i++) {
                        bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = in[i];
                    }
                    yield new Pixels(bgr, w, h, 3);
                }
            };
        }
    }
}
