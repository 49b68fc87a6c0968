package org.imagestore.web.images;

import java.util.Optional;

/**
 * A single byte range of a {@code Range: bytes=...} header (RFC 9110 §14). Several ranges, or a header we
 * cannot parse, mean "send the whole thing", which the RFC allows; a range wholly past the end is
 * {@linkplain #UNSATISFIABLE unsatisfiable} (416).
 */
record ByteRange(long first, long last) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    static Optional<ByteRange> parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0) {
                    return Optional.of(UNSATISFIABLE);
                }
                return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? length - 1 : Math.min(Long.parseLong(end), length - 1);
            if (first >= length) {
                return Optional.of(UNSATISFIABLE);
            }
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean satisfiable() {
        return first >= 0;
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
