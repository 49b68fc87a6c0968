package org.imagestore.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import com.twelvemonkeys.imageio.stream.BufferedFileImageInputStreamSpi;

/**
 * The image codecs this application uses, held in a private {@link ServiceRegistry} instead of the JVM-wide
 * {@link IIORegistry}: registering our EAR's plugins there would leak its class loader and break on redeploy.
 * The JDK's own codecs are taken from the JVM-wide registry (they belong to {@code java.desktop}); the
 * third-party ones (TwelveMonkeys JPEG and WebP, JAI JPEG 2000) are instantiated here. Streams are
 * file-backed or in-memory: no temporary cache files. Thread-safe; readers and writers are per use.
 */
public final class Codecs {

    private static final Codecs STANDARD = new Codecs();
    private static final BufferedFileImageInputStreamSpi FILE_STREAMS = new BufferedFileImageInputStreamSpi();

    /** Our own registry: only the TwelveMonkeys JPEG plugin needs one, to find the JDK reader it wraps. */
    private final ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    private final Map<ImageFormat, ImageReaderSpi> readers = new EnumMap<>(ImageFormat.class);
    private final Map<ImageFormat, ImageWriterSpi> writers = new EnumMap<>(ImageFormat.class);

    private Codecs() {
        registry.registerServiceProvider(jdkProvider(ImageReaderSpi.class, "jpeg"));
        JPEGImageReaderSpi jpeg = new JPEGImageReaderSpi();
        registry.registerServiceProvider(jpeg); // looks up its JDK delegate in our registry
        readers.put(ImageFormat.JPEG, jpeg);
        readers.put(ImageFormat.PNG, jdkProvider(ImageReaderSpi.class, "png"));
        readers.put(ImageFormat.GIF, jdkProvider(ImageReaderSpi.class, "gif"));
        readers.put(ImageFormat.BMP, jdkProvider(ImageReaderSpi.class, "bmp"));
        readers.put(ImageFormat.TIFF, jdkProvider(ImageReaderSpi.class, "tiff"));
        readers.put(ImageFormat.WEBP, new WebPImageReaderSpi());
        readers.put(ImageFormat.JPEG2000, new J2KImageReaderSpi());
        for (ImageFormat format : ImageFormat.values()) {
            if (format.writable()) {
                writers.put(format, jdkProvider(ImageWriterSpi.class, format.parameterName()));
            }
        }
    }

    public static Codecs standard() {
        return STANDARD;
    }

    /** A new reader for the format (the caller disposes it). */
    public ImageReader reader(ImageFormat format) throws IOException {
        return readers.get(format).createReaderInstance();
    }

    /** The format whose reader recognises the stream's content, judged by its own {@code canDecodeInput}. */
    public Optional<ImageFormat> recognise(ImageInputStream in) throws IOException {
        for (Map.Entry<ImageFormat, ImageReaderSpi> e : readers.entrySet()) {
            in.seek(0);
            try {
                if (e.getValue().canDecodeInput(in)) {
                    in.seek(0);
                    return Optional.of(e.getKey());
                }
            } catch (java.io.EOFException tooShortForThisFormat) {
                // e.g. a few bytes of text: not this format, maybe another
            }
        }
        in.seek(0);
        return Optional.empty();
    }

    public boolean canWrite(ImageFormat format) {
        return writers.containsKey(format);
    }

    /** A new writer for the format (the caller disposes it). */
    public ImageWriter writer(ImageFormat format) throws IOException {
        ImageWriterSpi spi = writers.get(format);
        if (spi == null) {
            throw new IllegalArgumentException("no writer for " + format);
        }
        return spi.createWriterInstance();
    }

    /**
     * A buffered, seekable stream over a file's channel (no cache file; the caller closes it). TwelveMonkeys'
     * stream provider is used directly, never registered.
     */
    public static ImageInputStream open(Path file) throws IOException {
        return FILE_STREAMS.createInputStreamInstance(file.toFile(), false, null);
    }

    /** An in-memory output stream over {@code sink} (never a temporary file). */
    public static ImageOutputStream memoryOutput(ByteArrayOutputStream sink) {
        return new MemoryCacheImageOutputStream(sink);
    }

    /**
     * The JDK's built-in provider for a format, from the JVM-wide registry. The first touch of that registry
     * scans the thread's context class loader for plugins, so it is made with the platform class loader as
     * context: whoever initialises it, it never sees (and never pins) our class loader.
     */
    private static <T extends javax.imageio.spi.ImageReaderWriterSpi> T jdkProvider(Class<T> category, String formatName) {
        List<T> found = new ArrayList<>();
        jvmRegistry().getServiceProviders(category, false).forEachRemaining(spi -> {
            if ("java.desktop".equals(spi.getClass().getModule().getName())
                    && List.of(spi.getFormatNames()).contains(formatName)) {
                found.add(spi);
            }
        });
        if (found.isEmpty()) {
            throw new IllegalStateException("the JDK has no " + category.getSimpleName() + " for " + formatName);
        }
        return found.get(0);
    }

    private static IIORegistry jvmRegistry() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return IIORegistry.getDefaultInstance();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
