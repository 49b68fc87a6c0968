package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.ftpserver.ftplet.FtpReply;
import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpRefusedException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusalsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TRANSIENT, 451",
        "NO_SPACE,  452",
        "BAD_NAME,  553",
        "PERMANENT, 550",
        "NOT_FOUND, 550",
    })
    void eachKindHasItsReplyCode(Kind kind, int code) {
        FtpReply reply = Refusals.reply(new FtpRefusedException(kind, "why"));
        assertEquals(code, reply.getCode());
        assertEquals("why", reply.getMessage());
    }

    @Test
    void multiLineMessagesBecomeOneLine() {
        FtpReply reply = Refusals.reply(new FtpRefusedException(Kind.PERMANENT, "not an image:\r\nunknown format\n\nby content"));
        assertEquals("not an image: unknown format by content", reply.getMessage());
    }

    @Test
    void singleLineLeavesOrdinaryTextAloneAndMakesNullEmpty() {
        assertEquals("nothing to flatten", Refusals.singleLine("nothing to flatten"));
        assertEquals("a b", Refusals.singleLine("a\rb"));
        assertEquals("", Refusals.singleLine(null));
    }
}
