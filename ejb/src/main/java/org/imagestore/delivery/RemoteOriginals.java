package org.imagestore.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.replication.CopyFailedException;
import org.imagestore.replication.NodeClient;

/**
 * Streams an original held by other nodes, as if it were local: the same bytes, from the first live holder;
 * a holder that fails mid-stream is replaced by the next, which continues from the byte where the first stopped.
 * A failure to write to our own client ends the copy at once (it is not the holder's fault).
 */
@ApplicationScoped
public class RemoteOriginals {

    private static final Logger LOG = Logger.getLogger(RemoteOriginals.class.getName());

    @Inject
    private NodeClient nodes;

    /** Writes bytes {@code first} to {@code first + length - 1} of the original to {@code out}. */
    public void copy(Original original, long first, long length, OutputStream out) throws IOException {
        long position = first;
        long end = first + length;
        String lastFailure = "no holder of the image is up";
        byte[] buffer = new byte[64 * 1024];
        for (String holder : original.holders()) {
            try (InputStream in = nodes.openBlob(holder, original.id(), position).body()) {
                while (position < end) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, end - position));
                    if (n < 0) {
                        throw new IOException("the stream ended at byte " + position);
                    }
                    write(out, buffer, n);
                    position += n;
                }
                return;
            } catch (ClientGone e) {
                throw e.getCause();
            } catch (CopyFailedException | IOException e) {
                lastFailure = holder + ": " + e.getMessage();
            }
            long reached = position;
            String why = lastFailure;
            LOG.warning(() -> "image " + original.id() + ": reading a copy failed at byte " + reached + " (" + why
                    + "); trying the next holder");
        }
        throw new IOException("image " + original.id() + " could not be read from any holder: " + lastFailure);
    }

    private static void write(OutputStream out, byte[] buffer, int n) {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** Our own client stopped reading: the copy ends, no holder is to blame. */
    private static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
