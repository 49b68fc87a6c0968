package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

/**
 * The cluster as the tests check it: the group map and the placements in the catalogue, the cluster API, and
 * whether every node's volume holds exactly the copies the catalogue says it holds.
 */
final class ClusterState {

    private ClusterState() {
    }

    /** The group's holders, first holder first. */
    static List<String> holdersOf(String group) {
        return Catalogue.query("select node from group_holder where grp = ? order by position", group).stream()
                .map(row -> (String) row.get("node")).toList();
    }

    /** The nodes whose placements say they have a copy of the image. */
    static Set<String> placements(String imageId) {
        return Catalogue.query("select node from placement where image_id = ?", imageId).stream()
                .map(row -> (String) row.get("node")).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A unique variant of the photo whose group's holders satisfy the condition (the group is the id's first two
     * characters, so a new random comment gives another group).
     */
    static byte[] photoWhoseHolders(String photo, Predicate<List<String>> condition) {
        for (int attempt = 0; attempt < 2000; attempt++) {
            byte[] bytes = Photos.uniquePhoto(photo);
            if (condition.test(holdersOf(ImageId.of(bytes).substring(0, 2)))) {
                return bytes;
            }
        }
        throw new AssertionError("no group found whose holders satisfy the condition");
    }

    /** {@code GET /admin/cluster} as the node answers it. */
    static JsonObject cluster(NodeAddress node) {
        return Responses.json(new Http(node).admin("GET", "/admin/cluster", null));
    }

    /** Images short of copies on live nodes, as the node reports it. */
    static int underReplicated(NodeAddress node) {
        return cluster(node).getInt("underReplicated");
    }

    /** Waits until the node reports no image short of copies and no group waiting for repair; returns how long. */
    static Duration awaitConverged(NodeAddress node, Duration within) {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = cluster(node);
            if (last.getInt("underReplicated") == 0 && last.getJsonObject("repair").getInt("groupsToCheck") == 0) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Pause.millis(1000);
        }
        throw new AssertionError("the cluster did not converge within " + within + ": " + last);
    }

    /** Waits until no node has a copy removal left to carry out. */
    static void awaitNoRemovalsLeft(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (Catalogue.count("select count(*) from blob_removal") > 0) {
            assertTrue(System.nanoTime() < deadline, () -> "copy removals still waiting: "
                    + Catalogue.query("select * from blob_removal"));
            Pause.millis(1000);
        }
    }

    /**
     * Every blob file on every node's volume has its placement row, every placement row of a node has its file,
     * and every image has {@code replicas} placements: no orphan file, no missing copy, no surplus copy.
     */
    static void assertVolumesMatchCatalogue(int replicas) {
        assertVolumesMatchCatalogue(replicas, Map.of());
    }

    /** As {@link #assertVolumesMatchCatalogue(int)}, with the volumes of nodes added by a test (name to folder). */
    static void assertVolumesMatchCatalogue(int replicas, Map<String, Path> addedNodes) {
        Map<String, Path> volumes = new java.util.TreeMap<>(addedNodes);
        NodeAddress.ALL.forEach(node -> volumes.put(node.name(), Volumes.of(node)));
        Set<String> files = new TreeSet<>();
        for (Map.Entry<String, Path> node : volumes.entrySet()) {
            Path blobs = node.getValue().resolve("blobs");
            try (Stream<Path> all = Files.isDirectory(blobs) ? Files.walk(blobs) : Stream.empty()) {
                all.filter(Files::isRegularFile).forEach(f -> files.add(node.getKey() + " " + f.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> placed = Catalogue.query("select node, image_id from placement").stream()
                .map(row -> row.get("node") + " " + row.get("image_id")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> orphans = new TreeSet<>(files);
        orphans.removeAll(placed);
        Set<String> missing = new TreeSet<>(placed);
        missing.removeAll(files);
        assertEquals(Set.of(), orphans, "blob files without a placement (node, image)");
        assertEquals(Set.of(), missing, "placements without their blob file (node, image)");
        Map<Object, Long> copiesPerImage = Catalogue.query("select image_id, count(*) as copies from placement group by image_id")
                .stream().collect(Collectors.toMap(row -> row.get("image_id"), row -> ((Number) row.get("copies")).longValue()));
        Set<Object> wrongCount = new HashSet<>();
        copiesPerImage.forEach((image, copies) -> {
            if (copies != replicas) {
                wrongCount.add(image + "=" + copies);
            }
        });
        assertEquals(Set.of(), wrongCount, "images without exactly " + replicas + " copies");
        assertEquals(Catalogue.count("select count(*) from image"), copiesPerImage.size(), "images without any copy");
    }
}
