package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Levelling while a camera keeps uploading and users keep reading: a node drained and taken back, then a node of
 * twice the capacity added (its leader killed half-way), drained and removed; the target of a move killed mid-copy. Every upload gets 226 and stays
 * readable byte for byte through every node; the rounds that give a node its share move at most 1.1 times the
 * planner's lower bound; afterwards every image has R copies and no volume holds a file the catalogue does not know.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LevellingIT {

    private static final int REPLICAS = 2;
    /** 0.5 points of a 2 GiB volume (about 10 MiB; a round levels to half of it) for the drain. */
    private static final double TOLERANCE = 0.005;
    private static double tolerance = TOLERANCE;
    /** The added node's volume: twice the test store's 2 GiB. */
    private static final String ADDED_CAPACITY = "4G";
    private static final Http http = new Http(NodeAddress.NODE_1);
    /** Every image this class stored, with its bytes. */
    private static final Map<String, byte[]> IMAGES = new ConcurrentHashMap<>();
    private static Source camera;

    @BeforeAll
    static void tightTolerance() {
        setTolerance(TOLERANCE);
        camera = http.newSource("levelling");
    }

    private static void setTolerance(double value) {
        assertEquals(200, http.admin("PUT", "/admin/cluster",
                "{\"levelling\":true,\"levellingTolerance\":" + value + "}").statusCode());
        tolerance = value;
    }

    @AfterAll
    static void defaultTolerance() {
        http.admin("PUT", "/admin/cluster", "{\"levelling\":true,\"levellingTolerance\":0.02}");
        http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"up\"}");
    }

    @AfterEach
    void everyNodeUp() {
        NodeControl.startAnyThatIsNotHealthy();
    }

    /**
     * A camera uploading a photo every 200 ms and a user reading every stored image in turn, through the nodes
     * named; what fails is collected, not thrown, so that the test can go on and report it.
     */
    private static final class Traffic implements AutoCloseable {

        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> uploadMicros = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> readMicros = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final CompletableFuture<?> uploads;
        private final CompletableFuture<?> reads;
        private volatile List<NodeAddress> nodes;

        Traffic(String folder, List<NodeAddress> nodes) {
            this.nodes = nodes;
            uploads = CompletableFuture.runAsync(() -> {
                for (int n = 0; !stop.get(); n++) {
                    byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
                    NodeAddress node = pick(n);
                    try {
                        long started = System.nanoTime();
                        IMAGES.put(Ftp.upload(node, camera, "/" + folder + "/" + n + ".jpg", photo), photo);
                        uploadMicros.add((System.nanoTime() - started) / 1000);
                    } catch (RuntimeException | AssertionError e) {
                        failures.add("upload " + n + " to " + node.name() + ": " + e.getMessage());
                    }
                    Pause.millis(200);
                }
            }, threads);
            reads = CompletableFuture.runAsync(() -> {
                for (int n = 0; !stop.get(); ) {
                    for (Map.Entry<String, byte[]> image : List.copyOf(IMAGES.entrySet())) {
                        NodeAddress node = pick(n++);
                        try {
                            long started = System.nanoTime();
                            byte[] body = new Http(node).get("/images/" + image.getKey()).body();
                            readMicros.add((System.nanoTime() - started) / 1000);
                            if (!Arrays.equals(image.getValue(), body)) {
                                failures.add("read of " + image.getKey() + " from " + node.name() + ": other bytes");
                            }
                        } catch (RuntimeException e) {
                            failures.add("read of " + image.getKey() + " from " + node.name() + ": " + e.getMessage());
                        }
                        if (stop.get()) {
                            return;
                        }
                    }
                }
            }, threads);
        }

        private NodeAddress pick(int n) {
            List<NodeAddress> now = nodes;
            return now.get(n % now.size());
        }

        /** From now on, uploads and reads go through these nodes only (a node about to be killed is left out first). */
        void useOnly(List<NodeAddress> nodes) {
            this.nodes = List.copyOf(nodes);
            Pause.millis(3000); // requests already sent to a node left out finish
        }

        /** The latencies seen since the last call (p50 and p99 of uploads to 226 and of whole reads). */
        String takeLatencies() {
            return "uploads " + percentiles(uploadMicros) + "; reads " + percentiles(readMicros);
        }

        private static String percentiles(List<Long> micros) {
            List<Long> sorted;
            synchronized (micros) {
                sorted = micros.stream().sorted().toList();
                micros.clear();
            }
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format(java.util.Locale.ROOT, "n=%d p50 %.1f ms p99 %.1f ms", sorted.size(),
                    sorted.get(sorted.size() / 2) / 1000.0, sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0);
        }

        void assertNoFailures() {
            assertEquals(List.of(), failures, "uploads or reads that failed while levelling ran");
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            uploads.get(2, TimeUnit.MINUTES);
            reads.get(2, TimeUnit.MINUTES);
            threads.shutdown();
        }
    }

    @Test
    @Order(1)
    void aDrainedNodeEmptiesAndTakenBackItGetsItsShareWhileUploadsAndReadsGoOn() throws Exception {
        for (int i = 0; i < 24; i++) { // about 60 MB: fractions a few points of the 2 GiB volumes
            byte[] photo = Photos.largeJpeg();
            IMAGES.put(Ftp.upload(NodeAddress.ALL.get(i % 3), camera, "/fill/" + i + ".jpg", photo), photo);
        }
        awaitLevelled(Duration.ofMinutes(3)); // a round the tighter tolerance started
        try (Traffic traffic = new Traffic("drain", NodeAddress.ALL)) {
            Pause.millis(20_000);
            String quiet = traffic.takeLatencies();
            long drainStarted = System.nanoTime();
            assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"draining\"}").statusCode());
            Http node3 = new Http(NodeAddress.node(3));
            assertEquals(503, node3.get("/health/ready").statusCode(), "a draining node is not ready: a balancer sends it nothing new");
            assertEquals(200, node3.get("/health/live").statusCode(), "but it is alive");
            assertEquals(200, node3.get("/health").statusCode(), "and serves what it holds");
            assertEquals(200, new Http(NodeAddress.NODE_1).get("/health/ready").statusCode(), "the others are ready");
            // levelling may first finish a round in progress; the drain follows within a check or two
            awaitUntil(() -> groupsOf("node-3") == 0, Duration.ofMinutes(3), "node-3 gives up every group");
            awaitSettled(Duration.ofMinutes(4));
            System.out.printf("node-3 drained in %.1f s%n", (System.nanoTime() - drainStarted) / 1e9);
            assertEquals(0, groupsOf("node-3"), "a drained node holds no group");
            assertEquals(0, Catalogue.count("select count(*) from placement where node = 'node-3'"), "nor any copy");
            awaitNoBlobsIn(Volumes.of(NodeAddress.node(3)), Duration.ofSeconds(60));

            long returnStarted = System.nanoTime();
            assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"up\"}").statusCode());
            assertEquals(200, node3.get("/health/ready").statusCode(), "taken back, it is ready again");
            awaitLevelled(Duration.ofMinutes(4));
            double seconds = (System.nanoTime() - returnStarted) / 1e9;
            long moved = assertRoundNearMinimal(returnStarted);
            System.out.printf("node-3 levelled in %.1f s: %.1f MB moved, %.1f MB/s%n", seconds, moved / 1e6, moved / 1e6 / seconds);
            System.out.println("latency without levelling: " + quiet);
            System.out.println("latency while levelling (drain and return): " + traffic.takeLatencies());
            traffic.assertNoFailures();
        }
        // uploads went on after the last round: the periodic check levels what they tipped over the tolerance
        awaitUntil(() -> level(), Duration.ofMinutes(2),
                "every node within the tolerance once the load stops");
        assertTrue(groupsOf("node-3") > 0, "node-3 holds groups again");
        assertEveryImageEverywhere(NodeAddress.ALL);
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS);
    }

    /**
     * A node twice as large as the others joins ({@code ./imagestore add-node}) and levelling gives it twice their
     * bytes (the same used fraction); the node that leads levelling is killed while the copies go on, another
     * finishes them. Then the new node is drained and removed ({@code ./imagestore remove-node}) with nothing lost.
     */
    @Test
    @Order(2)
    void aLargerNodeAddedTakesItsShareByFractionThoughTheLeaderDiesThenIsDrainedAndRemoved() throws Exception {
        NodeAddress added = NodeAddress.added(NodeAddress.ALL.size() + 1);
        Path addedVolume = Settings.HOME.resolve("nodes").resolve(added.name()).resolve("volume-1");
        List<NodeAddress> everyNode = Stream.concat(NodeAddress.ALL.stream(), Stream.of(added)).toList();
        // enough bytes, and a band narrow enough, that levelling by fraction and levelling by bytes differ clearly
        setTolerance(0.004);
        for (int i = 0; i < 30; i++) {
            byte[] photo = Photos.largeJpeg();
            IMAGES.put(Ftp.upload(NodeAddress.ALL.get(i % 3), camera, "/growth-fill/" + i + ".jpg", photo), photo);
        }
        long roundsBefore = Catalogue.count("select coalesce(max(id), 0) from levelling_run");
        try (Traffic traffic = new Traffic("growth", NodeAddress.ALL)) {
            long addStarted = System.nanoTime();
            Launcher.run(Map.of("IMAGESTORE_VOLUME_CAPACITY", ADDED_CAPACITY), "add-node");
            assertEquals(200, new Http(added).status("/health", Duration.ofSeconds(10)));
            assertEquals(2.0 * capacityOf("node-1"), capacityOf(added.name()), "the added node's capacity");

            // the new node starts with groups that hold nothing (marked for a check when it joins); the first
            // levelling round gives it groups with images at once, marked for copying, and the copying follows
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (Catalogue.count("select count(*) from levelling_run where id > ?", roundsBefore) == 0
                    || Catalogue.count("select count(*) from group_repair") == 0) {
                assertTrue(System.nanoTime() < deadline, "no levelling round within 2 minutes of add-node");
                Pause.millis(100);
            }
            String leader = ClusterState.cluster(NodeAddress.NODE_1).getString("coordinator");
            long copiesBefore = copiesOn(added.name());
            long groupsWaiting = Catalogue.count("select count(*) from group_repair");
            assertTrue(groupsWaiting > 0, "the copying had finished before the leader could be killed");
            NodeAddress leaderNode = NodeAddress.named(leader);
            List<NodeAddress> survivors = NodeAddress.ALL.stream().filter(n -> !n.equals(leaderNode)).toList();
            traffic.useOnly(survivors);
            NodeControl.of(leaderNode).kill();
            System.out.printf("%s (the leader) killed with %d copies on %s and %d groups waiting%n", leader,
                    copiesBefore, added.name(), groupsWaiting);

            awaitUntil(() -> !leader.equals(ClusterState.cluster(survivors.getFirst()).getString("coordinator")),
                    Duration.ofSeconds(60), "another node leads");
            // every group that does not wait for the dead leader itself gets its copies from the new leader
            awaitUntil(() -> Catalogue.count("""
                    select count(*) from group_repair r
                    where not exists (select 1 from group_holder h where h.grp = r.grp and h.node = ?)""", leader) == 0,
                    Duration.ofMinutes(4), "the new leader finishes the copies that do not need " + leader);
            assertTrue(copiesOn(added.name()) > copiesBefore, "copies made after the leader died");

            NodeControl.of(leaderNode).start();
            traffic.useOnly(NodeAddress.ALL);
            awaitLevelled(Duration.ofMinutes(5));
            System.out.printf("%s levelled %.1f s after add-node; bytes: %s%n", added.name(),
                    (System.nanoTime() - addStarted) / 1e9, bytesPerNode());
            assertRoundNearMinimal(addStarted);
            traffic.assertNoFailures();
        }
        awaitUntil(() -> level(), Duration.ofMinutes(2),
                "every node within the tolerance once the load stops");
        Map<String, Long> bytes = bytesPerNode();
        double othersMean = bytes.entrySet().stream().filter(e -> !e.getKey().equals(added.name()))
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertTrue(bytes.get(added.name()) > 1.3 * othersMean,
                () -> "levelled by used fraction, the node of twice the capacity holds about twice the bytes: " + bytes);
        assertEveryImageEverywhere(everyNode);
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS, Map.of(added.name(), addedVolume));

        Launcher.run(Map.of(), "drain", added.name());
        awaitUntil(() -> groupsOf(added.name()) == 0, Duration.ofMinutes(3), added.name() + " gives up every group");
        awaitSettled(Duration.ofMinutes(4));
        awaitNoBlobsIn(addedVolume, Duration.ofSeconds(60));
        Launcher.run(Map.of(), "remove-node", added.name());
        assertEquals(0, Catalogue.count("select count(*) from cluster_node where name = ?", added.name()));
        // the node that removed it lists it no more at once, every other node at its next heartbeat (5 s)
        awaitUntil(() -> ClusterState.cluster(NodeAddress.NODE_1).getJsonArray("nodes").stream()
                .noneMatch(n -> n.asJsonObject().getString("name").equals(added.name())), Duration.ofSeconds(20),
                "the cluster lists it no more");
        assertEveryImageEverywhere(NodeAddress.ALL);
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS, Map.of(added.name(), addedVolume));
    }

    /**
     * The node receiving a moved group is killed with a copy written and fsync'd but its placement not recorded
     * (the fault point {@code copy-pulled} holds it there): the image stays readable from its old holders, and once
     * the node is back the move finishes with R copies and no file the catalogue does not know.
     */
    @Test
    @Order(3)
    void theTargetOfAMoveKilledMidCopyLosesNothingAndLeavesNoOrphan() throws Exception {
        setTolerance(TOLERANCE);
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains("node-3"));
        String id = ImageId.of(photo);
        assertEquals(id, Ftp.upload(NodeAddress.NODE_1, camera, "/fault-copy-pulled-1.jpg", photo));
        IMAGES.put(id, photo);
        List<String> holders = ClusterState.holdersOf(id.substring(0, 2));
        // draining node-3 gives its groups to the nodes that do not hold them yet: for this one, the third node
        NodeAddress target = NodeAddress.ALL.stream().filter(n -> !holders.contains(n.name())).findFirst().orElseThrow();
        assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"draining\"}").statusCode());
        Volumes.awaitPendingCopy(target, id, Duration.ofMinutes(3));
        assertEquals(holders.size(), ClusterState.placements(id).size(), "not recorded on " + target.name() + " yet");

        NodeControl.of(target).kill();
        for (NodeAddress node : NodeAddress.ALL) {
            if (!node.equals(target)) {
                assertArrayEquals(photo, new Http(node).get("/images/" + id).body(), "read through " + node.name());
            }
        }
        NodeControl.of(target).start();
        awaitUntil(() -> groupsOf("node-3") == 0, Duration.ofMinutes(3), "node-3 gives up every group");
        awaitSettled(Duration.ofMinutes(4));
        awaitNoBlobsIn(Volumes.of(NodeAddress.node(3)), Duration.ofSeconds(60));
        assertEquals(java.util.Set.of(target.name(), holders.stream().filter(h -> !h.equals("node-3")).findFirst().orElseThrow()),
                ClusterState.placements(id), "the moved image's copies");
        assertEquals(List.of(), Volumes.pendingMarks(id), "pending marks left");

        assertEquals(200, http.admin("PUT", "/admin/nodes/node-3", "{\"state\":\"up\"}").statusCode());
        awaitLevelled(Duration.ofMinutes(4));
        assertEveryImageEverywhere(NodeAddress.ALL);
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS);
    }

    /** Waits until every node is within the tolerance and the copying is done. */
    private static void awaitLevelled(Duration within) {
        awaitUntil(() -> level(), within, "every node within the tolerance");
        awaitSettled(within);
    }

    /** The round that gave a node its share (later small rounds follow the uploads that go on meanwhile). */
    private static long assertRoundNearMinimal(long since) {
        Map<String, Object> round = Catalogue.query("""
                select planned_bytes, lower_bound_bytes, tolerance_reached, mean_fraction, targets from levelling_run
                where started_at >= now() - make_interval(secs => ?) order by planned_bytes desc limit 1""",
                (double) (System.nanoTime() - since) / 1e9 + 1).getFirst();
        long planned = ((Number) round.get("planned_bytes")).longValue();
        long lowerBound = ((Number) round.get("lower_bound_bytes")).longValue();
        System.out.println("levelling moved " + planned + " bytes; the planner's lower bound " + lowerBound);
        assertTrue(planned > 0 && planned <= 1.1 * lowerBound, () -> "bytes moved " + planned + " vs lower bound " + lowerBound);
        assertTrue((Boolean) round.get("tolerance_reached"), round::toString);
        double mean = ((Number) round.get("mean_fraction")).doubleValue();
        assertTrue(((String) round.get("targets")).lines().map(line -> Double.parseDouble(line.split("=", 2)[1]))
                        .allMatch(target -> Math.abs(target - mean) <= tolerance / 2 + 1e-9),
                () -> "a round levels every node to within half the tolerance of the mean " + mean + ": " + round);
        return planned;
    }

    /** Every image stored by this class has R copies and the same bytes through every node. */
    private static void assertEveryImageEverywhere(List<NodeAddress> nodes) {
        for (Map.Entry<String, byte[]> image : IMAGES.entrySet()) {
            assertEquals(REPLICAS, ClusterState.placements(image.getKey()).size(), image.getKey());
            for (NodeAddress node : nodes) {
                assertArrayEquals(image.getValue(), new Http(node).get("/images/" + image.getKey()).body(),
                        image.getKey() + " through " + node.name());
            }
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "not within " + within + ": " + what + "; cluster: "
                    + clusterAsAnyNodeSeesIt());
            Pause.millis(2000);
        }
    }

    /** {@code /admin/cluster} from the first node that answers (one may have been killed). */
    private static String clusterAsAnyNodeSeesIt() {
        for (NodeAddress node : NodeAddress.ALL) {
            try {
                return ClusterState.cluster(node).toString();
            } catch (RuntimeException down) {
                // the next
            }
        }
        return "(no node answers)";
    }

    /**
     * Whether every node's used fraction is within the tolerance of the cluster's (the bytes of all copies over
     * all capacity), as the planner sees them.
     */
    private static boolean level() {
        Map<String, long[]> nodes = usedAndCapacity();
        double cluster = (double) nodes.values().stream().mapToLong(n -> n[0]).sum()
                / nodes.values().stream().mapToLong(n -> n[1]).sum();
        return nodes.values().stream().allMatch(n -> Math.abs((double) n[0] / n[1] - cluster) <= tolerance);
    }

    /** Waits until no group waits for copies and no image is short of them. */
    private static void awaitSettled(Duration within) {
        ClusterState.awaitConverged(NodeAddress.NODE_1, within);
    }

    private static long groupsOf(String node) {
        return Catalogue.count("select count(*) from group_holder where node = ?", node);
    }

    /** Each node's used bytes (of its copies) and capacity, as the planner sees them. */
    private static Map<String, long[]> usedAndCapacity() {
        return Catalogue.query("""
                        select n.name, coalesce(sum(i.bytes), 0) as used, n.capacity_bytes
                        from cluster_node n left join placement p on p.node = n.name left join image i on i.id = p.image_id
                        group by n.name, n.capacity_bytes""").stream()
                .collect(Collectors.toMap(row -> (String) row.get("name"), row -> new long[] {
                        ((Number) row.get("used")).longValue(), ((Number) row.get("capacity_bytes")).longValue()}));
    }

    private static long copiesOn(String node) {
        return Catalogue.count("select count(*) from placement where node = ?", node);
    }

    private static double capacityOf(String node) {
        return ((Number) Catalogue.query("select capacity_bytes from cluster_node where name = ?", node).getFirst()
                .get("capacity_bytes")).doubleValue();
    }

    private static Map<String, Long> bytesPerNode() {
        return Catalogue.query("""
                        select p.node, sum(i.bytes) as bytes from placement p join image i on i.id = p.image_id
                        group by p.node""").stream()
                .collect(Collectors.toMap(row -> (String) row.get("node"), row -> ((Number) row.get("bytes")).longValue()));
    }

    private static void awaitNoBlobsIn(Path volume, Duration within) throws Exception {
        Path blobs = volume.resolve("blobs");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Path> left;
            try (Stream<Path> files = Files.walk(blobs)) {
                left = files.filter(Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, () -> volume + " still has " + left.size() + " blobs");
            Pause.millis(1000);
        }
    }
}
