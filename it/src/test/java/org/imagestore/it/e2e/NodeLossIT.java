package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node is lost and comes back, while cameras upload and users read through the other nodes: nothing
 * acknowledged is lost or unreadable, every image is back to R copies on live nodes after the grace period, and
 * the node that returns is reconciled (no surplus copy, no orphan file anywhere). Kills nodes: runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLossIT {

    private static final int REPLICAS = 2;
    /** The grace period before a down node's groups get new holders, shortened for the test (default 300 s). */
    private static final int GRACE_SECONDS = 15;
    private static final Http http = new Http(NodeAddress.NODE_1);

    /** A short grace; no levelling while nodes come and go (it would move groups the assertions look at). */
    @BeforeAll
    static void shortGrace() {
        assertEquals(200, http.admin("PUT", "/admin/cluster",
                "{\"graceSeconds\":" + GRACE_SECONDS + ",\"levelling\":false}").statusCode());
    }

    /** Whatever a test did, the next one starts with every node up. */
    @AfterEach
    void everyNodeUp() {
        NodeControl.startAnyThatIsNotHealthy();
    }

    @AfterAll
    static void defaultGrace() {
        http.admin("PUT", "/admin/cluster", "{\"graceSeconds\":300,\"levelling\":true}");
    }

    /**
     * The holder that has not got its copy yet dies while the upload waits between its copies (the fault point
     * {@code copy-written}): the upload goes on with a stand-in and gets 226 with R durable copies on R distinct
     * nodes, never fewer.
     */
    @Test
    @Order(1)
    void aHolderKilledBetweenTheCopiesOfAnUploadIsReplacedByAStandIn() throws Exception {
        Source camera = http.newSource("loss-between");
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> !holders.contains("node-1"));
        String id = ImageId.of(photo);
        List<String> holders = ClusterState.holdersOf(id.substring(0, 2));
        NodeControl second = NodeControl.of(NodeAddress.named(holders.get(1)));

        CompletableFuture<String> upload = CompletableFuture.supplyAsync(
                () -> Ftp.upload(camera, "/fault-copy-written-1.jpg", photo));
        awaitCopyOn(NodeAddress.named(holders.get(0)), id); // the first copy is durable; the store now waits
        second.kill();
        String stored = upload.get(120, TimeUnit.SECONDS);

        assertEquals(id, stored, "226 naming the image");
        Set<String> copies = ClusterState.placements(id);
        assertEquals(REPLICAS, copies.size(), () -> "R copies: " + copies);
        assertTrue(copies.contains(holders.get(0)) && copies.contains("node-1"),
                () -> "the first holder and a stand-in for the dead one: " + copies);
        for (String node : copies) {
            assertArrayEquals(photo, Files.readAllBytes(Volumes.blob(NodeAddress.named(node), id)), "durable on " + node);
        }
        second.start();
    }

    /**
     * SIGKILL of a node while cameras upload to the others and users read from them: no acknowledged upload is
     * lost, no read of an acknowledged image fails, uploads go on; after the grace period every image is back to
     * R copies on live nodes; when the node returns, surplus copies go and every volume holds exactly what the
     * catalogue says.
     */
    @Test
    @Order(2)
    void aKilledNodeCostsNothingAndIsReconciledWhenItReturns() throws Exception {
        Source camera = http.newSource("loss-stream");
        NodeControl victim = NodeControl.of(NodeAddress.node(3));
        List<NodeAddress> survivors = List.of(NodeAddress.node(1), NodeAddress.node(2));
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            acknowledged.put(Ftp.upload(NodeAddress.ALL.get(i % 3), camera, "/before/" + i + ".jpg", photo), photo);
        }

        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> failuresAfterKill = Collections.synchronizedList(new ArrayList<>());
        // threads of their own: the common pool may have a single worker on a small machine
        ExecutorService load = Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> uploads = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!stop.get()) {
                boolean afterKill = killed.get();
                byte[] photo = Photos.uniquePhoto("sony-nex3n-gps.jpg");
                try {
                    acknowledged.put(Ftp.upload(survivors.get(n % 2), camera, "/during/" + n + ".jpg", photo), photo);
                } catch (RuntimeException | AssertionError e) {
                    if (afterKill) {
                        failuresAfterKill.add("upload " + n + ": " + e.getMessage());
                    }
                }
                n++;
            }
            return n;
        }, load);
        CompletableFuture<Integer> reads = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!stop.get()) {
                for (Map.Entry<String, byte[]> image : List.copyOf(acknowledged.entrySet())) {
                    boolean afterKill = killed.get();
                    NodeAddress node = survivors.get(n++ % 2);
                    try {
                        byte[] body = new Http(node).get("/images/" + image.getKey()).body();
                        if (!java.util.Arrays.equals(image.getValue(), body) && afterKill) {
                            failuresAfterKill.add("read of " + image.getKey() + " from " + node.name() + ": other bytes");
                        }
                    } catch (RuntimeException e) {
                        if (afterKill) {
                            failuresAfterKill.add("read of " + image.getKey() + " from " + node.name() + ": " + e.getMessage());
                        }
                    }
                }
            }
            return n;
        }, load);

        long killedAt;
        int uploaded;
        int read;
        try {
            Pause.millis(3000);
            victim.kill();
            killedAt = System.nanoTime();
            killed.set(true);
            Pause.millis(10_000);
        } finally {
            stop.set(true);
            uploaded = uploads.get(2, TimeUnit.MINUTES);
            read = reads.get(2, TimeUnit.MINUTES);
            load.shutdown();
        }
        System.out.println("while node-3 died: " + uploaded + " uploads, " + read + " reads through node-1 and node-2");
        assertTrue(uploaded > 10 && read > 10, "the load really ran during the kill");
        assertEquals(List.of(), failuresAfterKill, "requests through the survivors that failed after the kill");

        Duration converged = ClusterState.awaitConverged(NodeAddress.NODE_1, Duration.ofSeconds(GRACE_SECONDS + 150));
        System.out.printf("every image back to %d copies on live nodes %.1f s after the kill (grace %d s)%n", REPLICAS,
                (System.nanoTime() - killedAt) / 1e9, GRACE_SECONDS);
        for (Map.Entry<String, byte[]> image : acknowledged.entrySet()) {
            assertArrayEquals(image.getValue(), http.get("/images/" + image.getKey()).body());
            Set<String> copies = ClusterState.placements(image.getKey());
            assertTrue(!copies.contains("node-3") && copies.size() == REPLICAS,
                    () -> image.getKey() + " has R copies on the live nodes: " + copies);
        }

        victim.start();
        ClusterState.awaitConverged(NodeAddress.NODE_1, Duration.ofSeconds(120));
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(REPLICAS);
        for (Map.Entry<String, byte[]> image : acknowledged.entrySet()) {
            assertArrayEquals(image.getValue(), new Http(NodeAddress.node(3)).get("/images/" + image.getKey()).body(),
                    "the returned node serves every image");
        }
        System.out.println("converged " + converged.toSeconds() + " s after the kill was noticed");
    }

    /** A purge while a holder is down reaches that holder's copy when it is back. */
    @Test
    @Order(3)
    void aPurgeWithAHolderDownReachesItsCopyWhenItIsBack() throws Exception {
        Source camera = http.newSource("loss-purge");
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains("node-3"));
        String id = Ftp.upload(camera, "/purged.jpg", photo);
        NodeControl node3 = NodeControl.of(NodeAddress.node(3));
        assertTrue(Files.isRegularFile(Volumes.blob(NodeAddress.node(3), id)));

        node3.kill();
        assertEquals(204, http.admin("DELETE", "/images/" + id, null).statusCode());
        assertEquals(404, http.get("/images/" + id).statusCode());
        assertTrue(Files.isRegularFile(Volumes.blob(NodeAddress.node(3), id)), "the down node still has its copy");

        node3.start();
        Volumes.awaitNoCopy(id, Duration.ofSeconds(60));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Catalogue.count("select count(*) from blob_removal where image_id = ?", id) > 0) {
            assertTrue(System.nanoTime() < deadline, "the removal of the purged copy is still waiting");
            Pause.millis(1000);
        }
    }

    private static void awaitCopyOn(NodeAddress node, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (!Files.isRegularFile(Volumes.blob(node, id))) {
            assertTrue(System.nanoTime() < deadline, () -> node.name() + " never got its copy of " + id);
            Pause.millis(100);
        }
    }
}
