package org.imagestore.it.e2e;

import static org.imagestore.it.e2e.Responses.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /images?source=&from=&to=&limit=&after=}: upload records, newest first, paged. */
class QueryApiIT {

    private static final Http http = new Http(NodeAddress.NODE_1);

    static Source camera;
    /** Uploaded in this order: oldest first. */
    static final List<String> ids = new ArrayList<>();
    static final List<String> names = List.of("/q/first.jpg", "/q/second.jpg", "/q/third.png");

    @BeforeAll
    static void uploadThree() {
        camera = http.newSource("query");
        ids.add(Ftp.upload(camera, names.get(0), Photos.uniquePhoto("canon-eos70d.jpg")));
        ids.add(Ftp.upload(camera, names.get(1), Photos.uniquePhoto("sony-nex3n-gps.jpg")));
        ids.add(Ftp.upload(camera, names.get(2), Photos.uniquePhoto("nikon-d700.png")));
    }

    @Test
    void allUploadsOfTheSourceNewestFirst() {
        JsonArray items = page("source=" + camera.name()).getJsonArray("items");
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), imageIds(items));
        assertEquals(List.of(names.get(2), names.get(1), names.get(0)),
                items.stream().map(v -> v.asJsonObject().getString("path")).toList());
        JsonObject newest = items.getJsonObject(0);
        assertEquals(camera.name(), newest.getString("source"));
        assertEquals("/q", newest.getString("ftpPath"));
        assertEquals("third.png", newest.getString("fileName"));
        assertEquals("png", newest.getString("format"));
        assertEquals(500, newest.getInt("width"));
        assertEquals(500, newest.getInt("height"));
        assertEquals("/images/" + ids.get(2), newest.getString("url"));
        assertTrue(newest.getJsonNumber("uploadId").longValue() > items.getJsonObject(1).getJsonNumber("uploadId").longValue());
        Instant t2 = Instant.parse(newest.getString("receivedAt"));
        Instant t1 = Instant.parse(items.getJsonObject(1).getString("receivedAt"));
        assertFalse(t2.isBefore(t1), "newest first");
    }

    @Test
    void pagingWithLimitAndAfter() {
        JsonObject first = page("source=" + camera.name() + "&limit=2");
        assertEquals(List.of(ids.get(2), ids.get(1)), imageIds(first.getJsonArray("items")));
        assertTrue(first.containsKey("next") && !first.isNull("next"), () -> "a cursor to the next page: " + first);
        String cursor = first.getString("next");

        JsonObject second = page("source=" + camera.name() + "&limit=2&after=" + enc(cursor));
        assertEquals(List.of(ids.get(0)), imageIds(second.getJsonArray("items")));
        assertTrue(!second.containsKey("next") || second.isNull("next"), () -> "the last page has no cursor: " + second);

        JsonObject one = page("source=" + camera.name() + "&limit=1");
        assertEquals(List.of(ids.get(2)), imageIds(one.getJsonArray("items")));
        JsonObject two = page("source=" + camera.name() + "&limit=1&after=" + enc(one.getString("next")));
        assertEquals(List.of(ids.get(1)), imageIds(two.getJsonArray("items")));
        JsonObject three = page("source=" + camera.name() + "&limit=1&after=" + enc(two.getString("next")));
        assertEquals(List.of(ids.get(0)), imageIds(three.getJsonArray("items")));
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        JsonArray all = page("source=" + camera.name()).getJsonArray("items");
        String middle = all.getJsonObject(1).getString("receivedAt");
        String oldest = all.getJsonObject(2).getString("receivedAt");
        String newest = all.getJsonObject(0).getString("receivedAt");

        assertEquals(List.of(ids.get(2), ids.get(1)),
                imageIds(page("source=" + camera.name() + "&from=" + enc(middle)).getJsonArray("items")));
        assertEquals(List.of(ids.get(0)),
                imageIds(page("source=" + camera.name() + "&to=" + enc(middle)).getJsonArray("items")));
        assertEquals(List.of(ids.get(1), ids.get(0)),
                imageIds(page("source=" + camera.name() + "&from=" + enc(oldest) + "&to=" + enc(newest)).getJsonArray("items")));

        // dates mean UTC midnight
        String day = Instant.parse(oldest).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String nextDay = Instant.parse(oldest).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2).toString();
        assertEquals(3, page("source=" + camera.name() + "&from=" + day + "&to=" + nextDay).getJsonArray("items").size());
        assertEquals(0, page("source=" + camera.name() + "&to=" + day).getJsonArray("items").size());
        // offsets other than Z
        String shifted = Instant.parse(middle).atOffset(ZoneOffset.ofHours(2)).toString();
        assertEquals(List.of(ids.get(2), ids.get(1)),
                imageIds(page("source=" + camera.name() + "&from=" + enc(shifted)).getJsonArray("items")));
    }

    @Test
    void anUnknownSourceHasNoUploads() {
        assertEquals(0, page("source=nobody-" + Unique.hex(6)).getJsonArray("items").size());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "limit=0 | limit",
            "limit=1001 | limit",
            "limit=abc | limit",
            "limit=-5 | limit",
            "limit=1&limit=2 | limit",
            "from=yesterday | from",
            "from=2026-13-45 | from",
            "to=2026-11-21T25:00:00Z | to",
            "from=2026-11-21&to=2026-11-20 | to",
            "after=not-a-cursor | after",
            "source= | source",
            "sauce=cam1 | sauce"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        assertJsonError(http.getText("/images?" + query), 400, parameter);
    }

    static JsonObject page(String query) {
        HttpResponse<String> response = http.getText("/images?" + query);
        assertEquals(200, response.statusCode(), () -> "GET /images?" + query + ": " + response.body());
        JsonObject page = Responses.json(response.body());
        assertNotNull(page.getJsonArray("items"), page::toString);
        return page;
    }

    static List<String> imageIds(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("imageId")).toList();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
