package org.imagestore.bench.ftp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagestore.bench.Latencies;

/**
 * What the uploads of a run got back. Only a {@code 226} counts as stored: a client that got anything else (or
 * lost its connection) must retry, so it did not get an upload done.
 */
final class UploadResults {

    /** imagestore's 226 names the image: "226 Transfer complete: stored as image {id}". */
    private static final Pattern IMAGE_ID = Pattern.compile("stored as image ([a-z2-7]{52})");
    private static final int ERROR_SAMPLES = 5;

    private final Latencies latencies = new Latencies();
    private final List<String> errorSamples = new ArrayList<>();
    private final StringBuilder imageIds = new StringBuilder();
    private long stored;
    private long storedBytes;
    private long failed;
    private long lastFinished;

    /** Records an upload that got {@code reply}; true when it was a 226. */
    synchronized boolean replied(UploadPlan.Upload upload, String name, long bytes, int code, String reply,
                                 long durationNanos) {
        lastFinished = System.nanoTime();
        if (code != 226) {
            failed(upload, name, "reply " + reply.strip());
            return false;
        }
        stored++;
        storedBytes += bytes;
        latencies.add(durationNanos);
        Matcher id = IMAGE_ID.matcher(reply);
        if (id.find()) {
            imageIds.append(upload.repetition()).append('\t').append(name).append('\t').append(bytes).append('\t')
                    .append(id.group(1)).append('\n');
        }
        return true;
    }

    synchronized void failed(UploadPlan.Upload upload, String name, String why) {
        lastFinished = System.nanoTime();
        failed++;
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add("repetition " + upload.repetition() + " " + name + ": " + why);
        }
    }

    synchronized long stored() {
        return stored;
    }

    synchronized long storedBytes() {
        return storedBytes;
    }

    synchronized long failed() {
        return failed;
    }

    synchronized long lastFinished() {
        return lastFinished;
    }

    synchronized List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    /** One line per stored upload that named its image: repetition, file name, bytes, image id (tab-separated). */
    synchronized String imageIds() {
        return imageIds.toString();
    }

    Latencies latencies() {
        return latencies;
    }
}
