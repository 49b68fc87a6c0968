package org.imagestore.volume;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the kernel forget a blob's pages once the blob is durable in place ({@code posix_fadvise(DONTNEED)}), as
 * OpenStack Swift's object server does with the objects it writes. A store of camera pictures writes every original
 * once and reads few of them again soon (renditions are served from their own cache), so keeping them cached
 * only pushes out what is read. The pages an upload gives back are the ones the next upload writes into. Pages
 * the kernel has to take fresh instead (on a virtual machine, most likely memory the host backs only when first
 * touched) made writing a 1.1 MB photo cost its thread up to 3 ms of CPU here, against 0.35-0.44 ms with reused
 * pages ({@code bench/results/ab-20261204T0800Z-1node-page-cache/}).
 * <p>
 * Advice only: on a system without the call, or where native access is refused, nothing happens (said once in
 * the log), and a failing call changes nothing that was promised, the bytes being on disk already.
 */
public final class PageCache {

    private static final Logger LOG = Logger.getLogger(PageCache.class.getName());
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int POSIX_FADV_DONTNEED = 4;

    /** The three C calls, looked up on first use; null where they cannot be had. */
    private static final class Calls {
        static final Calls INSTANCE = load();

        final MethodHandle open;
        final MethodHandle fadvise;
        final MethodHandle close;

        private Calls(MethodHandle open, MethodHandle fadvise, MethodHandle close) {
            this.open = open;
            this.fadvise = fadvise;
            this.close = close;
        }

        private static Calls load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                LOG.info("page cache advice is for Linux only: blobs stay in the page cache after they are stored");
                return null;
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                return new Calls(
                        linker.downcallHandle(libc.find("open").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2)),
                        linker.downcallHandle(libc.find("posix_fadvise").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT)),
                        linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT)));
            } catch (RuntimeException e) { // a symbol missing, or native access denied to this module
                LOG.log(Level.INFO, "no page cache advice (" + e + "): blobs stay in the page cache after they are stored");
                return null;
            }
        }
    }

    private PageCache() {
    }

    /** Asks the kernel to drop the file's cached pages; they must be clean (fsync'd) to go. */
    public static void release(Path file) {
        Calls calls = Calls.INSTANCE;
        if (calls == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) calls.open.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                return; // gone already (purged, or replaced by the same bytes): nothing is cached for it then
            }
            try {
                int ignored = (int) calls.fadvise.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
            } finally {
                int ignored = (int) calls.close.invokeExact(fd);
            }
        } catch (Throwable e) {
            LOG.log(Level.FINE, "page cache advice for " + file + " failed", e);
        }
    }
}
