package org.imagestore.web.images;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagestore.upload.UploadSearch;
import org.imagestore.support.InvalidParameterException;

/** The query parameters of {@code GET /images}: {@code source, from, to, limit, after}. */
final class SearchParameters {

    private static final Set<String> KNOWN = Set.of("source", "from", "to", "limit", "after");
    private static final int DEFAULT_LIMIT = 100;

    private SearchParameters() {
    }

    static UploadSearch.Criteria parse(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter; known: source, from, to, limit, after");
            }
            if (query.get(name).size() > 1) {
                throw new InvalidParameterException(name, "given more than once");
            }
        }
        Optional<Instant> from = single(query, "from").map(v -> instant("from", v));
        Optional<Instant> to = single(query, "to").map(v -> instant("to", v));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidParameterException("to", "must be after from");
        }
        int limit = single(query, "limit").map(SearchParameters::limit).orElse(DEFAULT_LIMIT);
        Optional<UploadSearch.Cursor> after = single(query, "after").map(v -> {
            try {
                return UploadSearch.Cursor.decode(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("after", e.getMessage());
            }
        });
        return new UploadSearch.Criteria(single(query, "source"), from, to, limit, after);
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.getFirst().isBlank()) {
            throw new InvalidParameterException(name, "must not be empty");
        }
        return Optional.of(values.getFirst());
    }

    /** ISO-8601 instants ({@code 2026-11-21T08:00:00Z}, with any offset) or dates ({@code 2026-11-21}, UTC midnight). */
    private static Instant instant(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 time like 2026-11-21T08:00:00Z, or a date like 2026-11-21");
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= UploadSearch.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidParameterException("limit", "must be an integer between 1 and " + UploadSearch.MAX_LIMIT);
    }
}
