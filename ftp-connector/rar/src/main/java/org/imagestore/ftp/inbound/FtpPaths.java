package org.imagestore.ftp.inbound;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Path arithmetic in a source's virtual tree. The tree has its own root, so {@code ..} above it stays at the
 * root: a client can never name anything outside its tree, whatever it sends.
 */
final class FtpPaths {

    static final String ROOT = "/";

    private FtpPaths() {
    }

    /** Resolves {@code argument} against {@code workingFolder} to an absolute, normalised path. */
    static String resolve(String workingFolder, String argument) {
        String combined = argument == null || argument.isBlank() ? workingFolder
                : argument.startsWith("/") ? argument
                : workingFolder + "/" + argument;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : combined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return ROOT + String.join("/", parts);
    }

    static String name(String absolutePath) {
        return absolutePath.equals(ROOT) ? ROOT : absolutePath.substring(absolutePath.lastIndexOf('/') + 1);
    }

    static String child(String folder, String name) {
        return folder.equals(ROOT) ? ROOT + name : folder + "/" + name;
    }
}
