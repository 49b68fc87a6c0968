package org.imagestore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The photo folder, read into memory once: the load generators then send bytes from RAM, so the client's own
 * disk reads are not part of what is measured.
 */
public final class Photos {

    /** One photo: its file name and bytes. */
    public record Photo(String name, byte[] bytes) {
    }

    private Photos() {
    }

    /** The {@code *.jpg} files directly in {@code folder}, by name. */
    public static List<Photo> load(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.jpg photos in " + folder);
        }
        List<Photo> photos = new java.util.ArrayList<>();
        for (Path file : files) {
            photos.add(new Photo(file.getFileName().toString(), Files.readAllBytes(file)));
        }
        return List.copyOf(photos);
    }

    public static long totalBytes(List<Photo> photos) {
        return photos.stream().mapToLong(p -> p.bytes().length).sum();
    }
}
