package org.imagestore.web.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagestore.upload.UploadSearch;
import org.imagestore.support.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchParametersTest {

    /** {@code "source=cam1&limit=5"} as JAX-RS gives it (no URL decoding needed here). */
    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                map.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
            }
        }
        return map;
    }

    private static UploadSearch.Criteria parse(String query) {
        return SearchParameters.parse(query(query));
    }

    private static void assertRefused(String query, String parameter, String message) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parse(query));
        assertEquals(parameter, e.parameter());
        assertEquals(message, e.getMessage());
    }

    @Test
    void noParametersSearchesEverythingAHundredAtATime() {
        assertEquals(new UploadSearch.Criteria(Optional.empty(), Optional.empty(), Optional.empty(), 100, Optional.empty()),
                parse(""));
    }

    @Test
    void parsesEveryParameter() {
        UploadSearch.Cursor cursor = new UploadSearch.Cursor(Instant.parse("2026-11-21T09:00:00.5Z"), 42);
        assertEquals(new UploadSearch.Criteria(Optional.of("cam1"), Optional.of(Instant.parse("2026-11-21T00:00:00Z")),
                        Optional.of(Instant.parse("2026-11-22T06:00:00Z")), 50, Optional.of(cursor)),
                parse("source=cam1&from=2026-11-21&to=2026-11-22T08:00:00+02:00&limit=50&after=" + cursor.encode()));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-11-21,                    2026-11-21T00:00:00Z",
        "2026-11-21T08:00:00Z,          2026-11-21T08:00:00Z",
        "2026-11-21T08:00:00.250Z,      2026-11-21T08:00:00.250Z",
        "2026-11-21T08:00:00-05:00,     2026-11-21T13:00:00Z",
        "2026-11-21T08:00+01:00,        2026-11-21T07:00:00Z",
    })
    void timesAreIsoInstantsOrUtcDates(String value, Instant instant) {
        assertEquals(Optional.of(instant), parse("from=" + value).from());
        assertEquals(Optional.of(instant), parse("to=" + value).to());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-11-31", "21.11.2026", "2026-11-21T08:00:00", "1795000000"})
    void refusesOtherTimes(String value) {
        String message = "must be an ISO-8601 time like 2026-11-21T08:00:00Z, or a date like 2026-11-21";
        assertRefused("from=" + value, "from", message);
        assertRefused("to=" + value, "to", message);
    }

    @Test
    void toMustBeAfterFrom() {
        assertEquals(Instant.parse("2026-11-21T00:00:00.001Z"),
                parse("from=2026-11-21&to=2026-11-21T00:00:00.001Z").to().orElseThrow());
        assertRefused("from=2026-11-21&to=2026-11-21T00:00:00Z", "to", "must be after from");
        assertRefused("from=2026-11-22&to=2026-11-21", "to", "must be after from");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 999, 1000})
    void acceptsLimitsFromOneToAThousand(int limit) {
        assertEquals(limit, parse("limit=" + limit).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "1.5", "99999999999"})
    void refusesOtherLimits(String limit) {
        assertRefused("limit=" + limit, "limit", "must be an integer between 1 and 1000");
    }

    @Test
    void refusesACursorThisStoreDidNotMake() {
        assertRefused("after=bm90LWEtY3Vyc29y", "after", "not a cursor returned by this store");
    }

    @Test
    void refusesAnUnknownParameter() {
        assertRefused("source=cam1&sort=asc", "sort", "unknown parameter; known: source, from, to, limit, after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "from", "to", "limit", "after"})
    void refusesAParameterGivenTwice(String name) {
        assertRefused(name + "=a&" + name + "=b", name, "given more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "from", "to", "limit", "after"})
    void refusesAnEmptyParameter(String name) {
        assertRefused(name + "=", name, "must not be empty");
        assertRefused(name + "= ", name, "must not be empty");
    }
}
