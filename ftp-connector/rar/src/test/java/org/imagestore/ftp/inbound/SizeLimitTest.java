package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class SizeLimitTest {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final SizeLimit limit = new SizeLimit(received, 10);

    @Test
    void passesAndCountsWhatIsWithinTheLimit() throws IOException {
        limit.write(new byte[] {1, 2, 3});
        limit.write(new byte[] {9, 4, 5, 9}, 1, 2);
        limit.write(6);
        assertEquals(6, limit.written());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, received.toByteArray());
    }

    @Test
    void acceptsExactlyTheLimit() throws IOException {
        limit.write(new byte[9]);
        limit.write(7);
        assertEquals(10, limit.written());
        assertEquals(10, received.size());
    }

    @Test
    void refusesOneByteOverTheLimit() throws IOException {
        limit.write(new byte[10]);
        SizeLimit.ExceededException e = assertThrows(SizeLimit.ExceededException.class, () -> limit.write(1));
        assertEquals("more than 10 bytes", e.getMessage());
        assertEquals(10, limit.written());
        assertEquals(10, received.size(), "the refused byte is not passed on");
    }

    @Test
    void refusesAWholeChunkThatWouldCrossTheLimit() throws IOException {
        limit.write(new byte[4]);
        assertThrows(SizeLimit.ExceededException.class, () -> limit.write(new byte[7]));
        assertEquals(4, limit.written());
        assertEquals(4, received.size(), "nothing of the refused chunk is passed on");
    }

    @Test
    void refusesAnArrayOverTheLimitThroughTheArrayShortcut() {
        assertThrows(SizeLimit.ExceededException.class, () -> limit.write(new byte[11]));
        assertEquals(0, received.size());
    }
}
