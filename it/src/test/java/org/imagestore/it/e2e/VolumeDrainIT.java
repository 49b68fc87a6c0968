package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One volume of a node is emptied onto the node's other volume (a disk to be replaced) while uploads go on, then
 * taken out of the node's configuration: no copy is lost, none is left on the emptied disk, and every image
 * stays readable through every node.
 */
class VolumeDrainIT {

    private static final NodeAddress NODE = NodeAddress.node(3);
    private static final Http http = new Http(NodeAddress.NODE_1);
    private boolean spareConfigured;

    /** The spare volume doubles node-3's capacity: levelling would move the groups the test looks at. */
    @BeforeAll
    static void noLevelling() {
        assertEquals(200, http.admin("PUT", "/admin/cluster", "{\"levelling\":false}").statusCode());
    }

    @AfterAll
    static void levellingAgain() {
        http.admin("PUT", "/admin/cluster", "{\"levelling\":true}");
    }

    @AfterEach
    void originalVolumes() {
        if (spareConfigured) { // the test failed before it took the spare out
            volumes().forEach(v -> http.admin("PUT", "/admin/nodes/" + NODE.name() + "/volumes/" + v.getString("id"),
                    "{\"state\":\"up\"}"));
            NodeControl node = NodeControl.of(NODE);
            node.setProperty("imagestore.volumes", Volumes.spec(NODE));
            node.restart();
        }
    }

    @Test
    void aDrainedVolumeEmptiesOntoTheNodesOtherVolumeAndCanBeTakenOut() throws IOException {
        Path spare = Volumes.of(NODE).resolveSibling("volume-spare");
        NodeControl node = NodeControl.of(NODE);
        node.setProperty("imagestore.volumes", Volumes.spec(NODE) + "," + spare + "@2G");
        spareConfigured = true;
        node.restart();
        String spareId = volumeIdAt(spare);
        String firstId = volumeIdAt(Volumes.of(NODE));

        Source camera = http.newSource("volume-drain");
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) { // new copies go to the emptier volume: the spare, or both in turn
            byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains(NODE.name()));
            images.put(Ftp.upload(camera, "/before/" + i + ".jpg", photo), photo);
        }
        long onSpare = placedOn(spareId);
        assertTrue(onSpare >= images.size() / 3, () -> "copies on the spare volume before it is drained: " + onSpare);

        assertEquals(200, http.admin("PUT", "/admin/nodes/" + NODE.name() + "/volumes/" + spareId,
                "{\"state\":\"draining\"}").statusCode());
        assertEquals(400, http.admin("PUT", "/admin/nodes/" + NODE.name() + "/volumes/" + firstId,
                "{\"state\":\"draining\"}").statusCode(), "a node keeps one volume in service (drain the node instead)");
        assertTrue(volume(spareId).getBoolean("draining"), "/admin/cluster shows the volume draining");
        for (int i = 0; i < 6; i++) { // the drainer sees the change within 5 s; these come after it
            byte[] photo = ClusterState.photoWhoseHolders("canon-eos70d.jpg", holders -> holders.contains(NODE.name()));
            images.put(Ftp.upload(camera, "/during/" + i + ".jpg", photo), photo);
            Pause.millis(1000);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (placedOn(spareId) > 0 || !blobsIn(spare).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, () -> "the spare volume still has " + placedOn(spareId)
                    + " placements and " + blobsIn(spare).size() + " blob files");
            Pause.millis(1000);
        }
        while (volume(spareId).getJsonNumber("usedBytes").longValue() > 0) { // reported with the next heartbeat
            assertTrue(System.nanoTime() < deadline + Duration.ofSeconds(15).toNanos(), () -> "reported: " + volume(spareId));
            Pause.millis(1000);
        }
        for (String id : images.keySet()) {
            assertEquals(firstId, Catalogue.query("select volume from placement where image_id = ? and node = ?",
                    id, NODE.name()).getFirst().get("volume"), id);
            assertTrue(Files.isRegularFile(Volumes.blob(NODE, id)), id + " on node-3's remaining volume");
        }

        // the disk is taken out: the node starts without it and still has every copy
        node.setProperty("imagestore.volumes", Volumes.spec(NODE));
        node.restart();
        spareConfigured = false;
        assertEquals(1, ClusterState.cluster(NodeAddress.NODE_1).getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject()).filter(n -> n.getString("name").equals(NODE.name())).findFirst()
                .orElseThrow().getJsonArray("volumes").size(), "node-3 reports one volume");
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            assertEquals(2, ClusterState.placements(image.getKey()).size(), image.getKey());
            for (NodeAddress through : NodeAddress.ALL) {
                assertArrayEquals(image.getValue(), new Http(through).get("/images/" + image.getKey()).body(),
                        image.getKey() + " through " + through.name());
            }
        }
        // node-3's restarts had the repair look at its groups: the whole catalogue is judged once that is done
        ClusterState.awaitConverged(NodeAddress.NODE_1, Duration.ofMinutes(2));
        ClusterState.awaitNoRemovalsLeft(Duration.ofSeconds(60));
        ClusterState.assertVolumesMatchCatalogue(2);
    }

    /** The id of node-3's volume at this folder, as /admin/cluster reports it (the node reports it within 5 s). */
    private static String volumeIdAt(Path folder) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var found = volumes().stream().filter(v -> Path.of(v.getString("path")).equals(folder)).findFirst();
            if (found.isPresent()) {
                return found.get().getString("id");
            }
            assertTrue(System.nanoTime() < deadline, () -> "no volume at " + folder + " among " + volumes());
            Pause.millis(1000);
        }
    }

    private static JsonObject volume(String id) {
        return volumes().stream().filter(v -> v.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static List<JsonObject> volumes() {
        return ClusterState.cluster(NodeAddress.NODE_1).getJsonArray("nodes").stream().map(n -> n.asJsonObject())
                .filter(n -> n.getString("name").equals(NODE.name())).findFirst().orElseThrow()
                .getJsonArray("volumes").stream().map(v -> v.asJsonObject()).toList();
    }

    private static long placedOn(String volumeId) {
        return Catalogue.count("select count(*) from placement where node = ? and volume = ?", NODE.name(), volumeId);
    }

    private static List<Path> blobsIn(Path volume) {
        Path blobs = volume.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
