package org.imagestore.ftp.inbound;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts what passes and refuses to pass more than a limit. */
final class SizeLimit extends FilterOutputStream {

    /** The upload is larger than allowed. */
    static final class ExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        ExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long written;

    SizeLimit(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        admit(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        admit(len);
        out.write(b, off, len);
    }

    private void admit(int len) throws ExceededException {
        if (written + len > limit) {
            throw new ExceededException(limit);
        }
        written += len;
    }

    long written() {
        return written;
    }
}
