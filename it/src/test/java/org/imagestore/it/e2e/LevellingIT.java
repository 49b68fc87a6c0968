package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node is drained and taken back: levelling moves every group off it, then levels the used capacity of all
 * three nodes again, while a camera keeps uploading and users keep reading. Every upload gets 226 and stays
 * readable byte for byte through every node; no image has fewer than R copies at any time it is checked.
 */
class LevellingIT {

    private static final int REPLICAS = 2;
    private static final double TOLERANCE = 0.005; // 0.5 points of a 2 GiB volume: about 10 MiB
    private static final Http http = new Http(NodeAddress.NODE_1);

    @BeforeAll
    static void tightTolerance() {
        assertEquals(200, http.admin("PUT", "/admin/cluster",
                "{\"levelling\":true,\"levellingTolerance\":" + TOLERANCE + "}").statusCode());
    }

    @AfterAll
    static void defaultTolerance() {
        http.admin("PUT", "/admin/cluster", "{\"levelling\":true,\"levellingTolerance\":0.02}");
        http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"up\"}");
    }

    @AfterEach
    void everyNodeUp() {
        NodeControl.startAnyThatIsDown();
    }

    @Test
    void aDrainedNodeEmptiesAndTakenBackItGetsItsShareWhileUploadsAndReadsGoOn() throws Exception {
        Source camera = http.newSource("levelling");
        Map<String, byte[]> images = new ConcurrentHashMap<>();
        for (int i = 0; i < 24; i++) { // about 60 MB: fractions a few points of the 2 GiB volumes
            byte[] photo = Photos.largeJpeg();
            images.put(Ftp.upload(NodeAddress.ALL.get(i % 3), camera, "/fill/" + i + ".jpg", photo), photo);
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(2);
        CompletableFuture<?> uploads = CompletableFuture.runAsync(() -> {
            for (int n = 0; !stop.get(); n++) {
                byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
                try {
                    images.put(Ftp.upload(NodeAddress.ALL.get(n % 2), camera, "/during/" + n + ".jpg", photo), photo);
                } catch (RuntimeException | AssertionError e) {
                    failures.add("upload " + n + ": " + e.getMessage());
                }
                Pause.millis(200);
            }
        }, load);
        CompletableFuture<?> reads = CompletableFuture.runAsync(() -> {
            for (int n = 0; !stop.get(); n++) {
                for (Map.Entry<String, byte[]> image : List.copyOf(images.entrySet())) {
                    NodeAddress node = NodeAddress.ALL.get(n++ % 3);
                    try {
                        if (!java.util.Arrays.equals(image.getValue(), new Http(node).get("/images/" + image.getKey()).body())) {
                            failures.add("read of " + image.getKey() + " from " + node.name() + ": other bytes");
                        }
                    } catch (RuntimeException e) {
                        failures.add("read of " + image.getKey() + " from " + node.name() + ": " + e.getMessage());
                    }
                }
            }
        }, load);
        try {
            long drainStarted = System.nanoTime();
            assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"draining\"}").statusCode());
            // levelling may first finish a round in progress; the drain follows within a check or two
            awaitUntil(() -> groupsOf("node-3") == 0, Duration.ofMinutes(3), "node-3 gives up every group");
            awaitSettled(Duration.ofMinutes(4));
            System.out.printf("node-3 drained in %.1f s%n", (System.nanoTime() - drainStarted) / 1e9);
            assertEquals(0, groupsOf("node-3"), "a drained node holds no group");
            assertEquals(0, Catalogue.count("select count(*) from placement where node = 'node-3'"), "nor any copy");
            awaitNoBlobsOn(NodeAddress.node(3), Duration.ofSeconds(60));

            long returnStarted = System.nanoTime();
            assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"up\"}").statusCode());
            awaitUntil(() -> withinTolerance(usedFractions()), Duration.ofMinutes(4), "every node within the tolerance");
            awaitSettled(Duration.ofMinutes(4));
            System.out.printf("node-3 levelled in %.1f s%n", (System.nanoTime() - returnStarted) / 1e9);
            // the round that gave node-3 its share (later small rounds follow the uploads that go on meanwhile)
            Map<String, Object> round = Catalogue.query("""
                    select planned_bytes, lower_bound_bytes, tolerance_reached from levelling_run
                    where started_at >= now() - make_interval(secs => ?) order by planned_bytes desc limit 1""",
                    (double) (System.nanoTime() - returnStarted) / 1e9 + 1).getFirst();
            long planned = ((Number) round.get("planned_bytes")).longValue();
            long lowerBound = ((Number) round.get("lower_bound_bytes")).longValue();
            System.out.println("levelling moved " + planned + " bytes; the planner's lower bound " + lowerBound);
            assertTrue(planned > 0 && planned <= 1.1 * lowerBound, () -> "bytes moved " + planned + " vs lower bound " + lowerBound);
            assertTrue((Boolean) round.get("tolerance_reached"), round::toString);
        } finally {
            stop.set(true);
            uploads.get(2, TimeUnit.MINUTES);
            reads.get(2, TimeUnit.MINUTES);
            load.shutdown();
        }
        assertEquals(List.of(), failures, "uploads or reads that failed while levelling ran");

        // uploads went on after the last round: the periodic check levels what they tipped over the tolerance
        awaitUntil(() -> withinTolerance(usedFractions()), Duration.ofMinutes(2),
                "every node within the tolerance once the load stops");
        assertTrue(groupsOf("node-3") > 0, "node-3 holds groups again");
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            assertEquals(REPLICAS, ClusterState.placements(image.getKey()).size(), image.getKey());
            for (NodeAddress node : NodeAddress.ALL) {
                assertArrayEquals(image.getValue(), new Http(node).get("/images/" + image.getKey()).body());
            }
        }
        awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "not within " + within + ": " + what + "; cluster: "
                    + ClusterState.cluster(NodeAddress.NODE_1));
            Pause.millis(2000);
        }
    }

    private static boolean withinTolerance(Map<String, Double> fractions) {
        double mean = fractions.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return fractions.values().stream().allMatch(f -> Math.abs(f - mean) <= TOLERANCE);
    }

    /** Waits until no group waits for copies and no image is short of them. */
    private static void awaitSettled(Duration within) {
        ClusterState.awaitConverged(NodeAddress.NODE_1, within);
    }

    private static long groupsOf(String node) {
        return Catalogue.count("select count(*) from group_holder where node = ?", node);
    }

    /** Each node's used fraction as the planner sees it: the bytes of its copies over its capacity. */
    private static Map<String, Double> usedFractions() {
        return Catalogue.query("""
                        select n.name, coalesce(sum(i.bytes), 0)::float8 / n.capacity_bytes as fraction
                        from cluster_node n left join placement p on p.node = n.name left join image i on i.id = p.image_id
                        group by n.name, n.capacity_bytes""").stream()
                .collect(Collectors.toMap(row -> (String) row.get("name"), row -> ((Number) row.get("fraction")).doubleValue()));
    }

    private static void awaitNoBlobsOn(NodeAddress node, Duration within) throws Exception {
        Path blobs = Volumes.of(node).resolve("blobs");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Path> left;
            try (Stream<Path> files = Files.walk(blobs)) {
                left = files.filter(Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, () -> node.name() + " still has " + left.size() + " blobs");
            Pause.millis(1000);
        }
    }

    private static void awaitNoRemovalsLeft(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (Catalogue.count("select count(*) from blob_removal") > 0) {
            assertTrue(System.nanoTime() < deadline, "copy removals still waiting");
            Pause.millis(1000);
        }
    }
}
