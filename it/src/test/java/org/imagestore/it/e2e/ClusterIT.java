package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The cluster as users, cameras and operators see it, all three nodes up: every node takes every upload and
 * serves every image; every image is on R = 2 distinct nodes, exactly the ones its placements name.
 */
class ClusterIT {

    private static final Http http = new Http(NodeAddress.NODE_1);
    private static final int REPLICAS = 2;

    @Test
    void uploadsToEveryNodeAreOnTwoNodesAndByteIdenticalFromEveryNode() throws Exception {
        Source camera = http.newSource("cluster");
        List<String> ids = new ArrayList<>();
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            NodeAddress receiver = NodeAddress.ALL.get(i % NodeAddress.ALL.size());
            byte[] photo = Photos.uniquePhoto(i % 2 == 0 ? "canon-eos70d.jpg" : "sony-nex3n-gps.jpg");
            ids.add(Ftp.upload(receiver, camera, "/spread/" + i + ".jpg", photo));
            photos.add(photo);
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Set<String> placed = ClusterState.placements(id);
            assertEquals(REPLICAS, placed.size(), () -> "copies of " + id + ": " + placed);
            assertEquals(placed, Set.copyOf(Volumes.nodesWithCopies(id)), "blob files on exactly the placed nodes");
            JsonArray replicas = Responses.json(http.get("/images/" + id + "/meta")).getJsonArray("replicas");
            Set<String> listed = new HashSet<>();
            replicas.forEach(r -> listed.add(r.asJsonObject().getString("node")));
            assertEquals(placed, listed, "/meta lists the copies");
            for (NodeAddress node : NodeAddress.ALL) {
                HttpResponse<byte[]> original = new Http(node).get("/images/" + id);
                assertEquals(200, original.statusCode(), () -> node + " serves " + id);
                assertArrayEquals(photos.get(i), original.body(), () -> node + " serves the same bytes of " + id);
                assertEquals("\"" + id + "\"", original.headers().firstValue("ETag").orElse(""));
                assertEquals("image/jpeg", original.headers().firstValue("Content-Type").orElse(""));
            }
        }
    }

    @Test
    void theCopiesOfAnAcknowledgedUploadAreNoLongerPendingSecondsLater() {
        Source camera = http.newSource("cluster-settled");
        List<String> ids = new ArrayList<>();
        for (NodeAddress receiver : NodeAddress.ALL) {
            ids.add(Ftp.upload(receiver, camera, "/settled-" + receiver.name() + ".jpg",
                    Photos.uniquePhoto("canon-eos70d.jpg")));
        }
        // the receivers tell the other holders after the commit; the sweeper would only after 45 s
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (String id : ids) {
            while (!Volumes.pendingMarks(id).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, () -> "pending marks of " + id + " 10 s after its 226: "
                        + Volumes.pendingMarks(id));
                Pause.millis(100);
            }
            assertEquals(Set.copyOf(Volumes.nodesWithCopies(id)), ClusterState.placements(id), "copies stay placed");
        }
    }

    @Test
    void aNodeWithoutACopyServesRangesRendersAndMetaAsAHolderDoes() {
        byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> !holders.contains("node-1"));
        Source camera = http.newSource("cluster-remote");
        String id = Ftp.upload(NodeAddress.node(2), camera, "/remote.jpg", photo);
        assertFalse(ClusterState.placements(id).contains("node-1"), "node-1 has no copy");

        HttpResponse<byte[]> range = http.get("/images/" + id, "Range", "bytes=100-1099");
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOfRange(photo, 100, 1100), range.body());
        assertEquals("bytes 100-1099/" + photo.length, range.headers().firstValue("Content-Range").orElse(""));

        byte[] fromNode1 = http.get("/images/" + id + "?w=120").body();
        for (NodeAddress node : NodeAddress.ALL) {
            HttpResponse<byte[]> rendition = new Http(node).get("/images/" + id + "?w=120");
            assertEquals(200, rendition.statusCode(), () -> node + " renders " + id);
            assertArrayEquals(fromNode1, rendition.body(), () -> "the same URL gives the same bytes on " + node);
        }
        assertEquals(photo.length, Responses.json(http.get("/images/" + id + "/meta")).getInt("bytes"));
    }

    @Test
    void theClusterApiShowsEveryNodeAndTheGroupMap() {
        JsonObject cluster = ClusterState.cluster(NodeAddress.NODE_1);
        assertEquals(REPLICAS, cluster.getInt("replicas"));
        JsonArray nodes = cluster.getJsonArray("nodes");
        assertEquals(NodeAddress.ALL.size(), nodes.size(), nodes::toString);
        int groupSlots = 0;
        for (NodeAddress address : NodeAddress.ALL) {
            JsonObject node = nodes.stream().map(n -> n.asJsonObject())
                    .filter(n -> n.getString("name").equals(address.name())).findFirst().orElseThrow();
            assertEquals("up", node.getString("state"));
            assertEquals(address.host(), node.getString("address"));
            assertTrue(node.getJsonNumber("capacityBytes").longValue() > 0);
            assertTrue(node.getInt("groups") > 0, () -> address.name() + " holds groups: " + node);
            groupSlots += node.getInt("groups");
        }
        assertEquals(1024 * REPLICAS, groupSlots, "every group has R holders");

        JsonArray groups = Responses.jsonArray(http.admin("GET", "/admin/groups", null).body());
        assertEquals(1024, groups.size());
        groups.forEach(g -> {
            JsonArray holders = g.asJsonObject().getJsonArray("holders");
            assertEquals(REPLICAS, holders.size(), g::toString);
            assertNotEquals(holders.getString(0), holders.getString(1), "distinct holders: " + g);
        });
        assertEquals(401, http.call(null, null, "GET", "/admin/cluster", null).statusCode(), "administrators only");

        // JSON for a client that takes anything (curl's */*); the table only when asked for
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Settings.adminPassword())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String path : List.of("/admin/cluster", "/admin/groups")) {
            var any = http.getText(path, "Authorization", basic, "Accept", "*/*");
            assertEquals("application/json", any.headers().firstValue("Content-Type").orElse("").split(";")[0], path);
            var text = http.getText(path, "Authorization", basic, "Accept", "text/plain");
            assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
        }
    }

    @Test
    void theNodeToNodeEndpointRefusesRequestsWithoutAValidSignature() throws Exception {
        String id = ImageId.of(Photos.uniquePhoto("canon-eos70d.jpg"));
        HttpClient client = HttpClient.newHttpClient();
        for (NodeAddress node : NodeAddress.ALL) {
            URI blob = new Http(node).uri("/internal/blobs/" + id);
            HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(blob)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unsigned.statusCode(), unsigned::body);
            HttpResponse<String> forged = client.send(HttpRequest.newBuilder(blob)
                    .header("X-Imagestore-Auth", "node-2 " + (System.currentTimeMillis() / 1000) + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, forged.statusCode(), forged::body);
        }
        assertTrue(Volumes.copies(id).isEmpty(), "nothing was written");
    }

    @Test
    void aPurgeThroughAnyNodeRemovesEveryCopyAndEveryNodeForgetsTheImage() {
        Source camera = http.newSource("cluster-purge");
        byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
        String id = Ftp.upload(NodeAddress.node(3), camera, "/purge.jpg", photo);
        assertEquals(REPLICAS, Volumes.copies(id).size());
        for (NodeAddress node : NodeAddress.ALL) { // twice: every node then keeps it ready to send (HotRenditions)
            for (int read = 0; read < 2; read++) {
                assertEquals(200, new Http(node).get("/images/" + id + "?w=40").statusCode(), node::toString);
            }
        }

        assertEquals(204, new Http(NodeAddress.node(2)).admin("DELETE", "/images/" + id, null).statusCode());

        Volumes.awaitNoCopy(id, java.time.Duration.ofSeconds(30));
        for (NodeAddress node : NodeAddress.ALL) {
            assertEquals(404, new Http(node).get("/images/" + id).statusCode(), () -> node + " forgot " + id);
            assertEquals(404, new Http(node).get("/images/" + id + "?w=40").statusCode(), () -> node + " forgot its renditions");
        }
        assertEquals(0, Catalogue.count("select count(*) from placement where image_id = ?", id));
    }

    @Test
    void theLoadBalancerServesEveryImageAndTakesUploads() throws Exception {
        NodeAddress balancer = new NodeAddress("load balancer", "127.0.0.1", NodeAddress.NODE_1.httpPort(),
                NodeAddress.NODE_1.ftpPort());
        Source camera = http.newSource("cluster-lb");
        List<byte[]> photos = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] photo = Photos.uniquePhoto("canon-eos70d.jpg");
            ids.add(Ftp.upload(balancer, camera, "/lb/" + i + ".jpg", photo));
            photos.add(photo);
        }
        Http throughBalancer = new Http(balancer);
        for (int i = 0; i < ids.size(); i++) {
            assertArrayEquals(photos.get(i), throughBalancer.get("/images/" + ids.get(i)).body());
            assertEquals(REPLICAS, ClusterState.placements(ids.get(i)).size());
            assertTrue(Files.isRegularFile(Volumes.blob(ids.get(i))));
        }
        assertEquals(200, throughBalancer.get("/images/" + ids.getFirst() + "?w=64").statusCode());
    }
}
