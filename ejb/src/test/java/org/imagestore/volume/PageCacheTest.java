package org.imagestore.volume;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.Random;

import org.imagestore.image.ImageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob adopted into a volume leaves the page cache, its bytes unchanged; asked of the kernel with mincore(2). */
class PageCacheTest {

    private static final int PAGE = 4096;

    @TempDir
    Path temp;

    @Test
    void anAdoptedBlobLeavesThePageCache() throws Throwable {
        assumeFalse("tmpfs".equals(Files.getFileStore(temp).type()), "tmpfs pages are the files themselves");
        Volume volume = Volume.open(new VolumeSpec(temp.resolve("volume"), OptionalLong.empty()));
        byte[] content = new byte[256 * PAGE];
        new Random(7).nextBytes(content);
        Path staged = temp.resolve("photo.upload");
        Files.write(staged, content);
        Durable.syncFile(staged);
        assertEquals(256, residentPages(staged), "a file just written is in the page cache");

        Path blob = volume.adopt(staged, ImageId.ofSha256(MessageDigest.getInstance("SHA-256").digest(content)));

        assertEquals(0, residentPages(blob), "the stored blob's pages were given back");
        assertArrayEquals(content, Files.readAllBytes(blob));
    }

    @Test
    void releasingAFileThatIsGoneDoesNothing() {
        PageCache.release(temp.resolve("purged-meanwhile"));
    }

    /** How many of the file's pages the page cache holds (mmap + mincore, which maps nothing in). */
    private static int residentPages(Path file) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
        MethodHandle mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        MethodHandle mincore = linker.downcallHandle(libc.find("mincore").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
        MethodHandle munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        long length = Files.size(file);
        int pages = (int) ((length + PAGE - 1) / PAGE);
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(arena.allocateFrom(file.toString()), 0);
            MemorySegment mapped = (MemorySegment) mmap.invokeExact(MemorySegment.NULL, length, 1, 1, fd, 0L);
            MemorySegment vector = arena.allocate(pages);
            int failed = (int) mincore.invokeExact(mapped, length, vector);
            int unmapped = (int) munmap.invokeExact(mapped, length);
            int closed = (int) close.invokeExact(fd);
            assertEquals(0, failed + unmapped + closed, "mincore of " + file);
            int resident = 0;
            for (int i = 0; i < pages; i++) {
                resident += vector.get(JAVA_BYTE, i) & 1;
            }
            return resident;
        }
    }
}
