package org.imagestore.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An absolute, normalised path in a source's tree: {@code /} or {@code /2026/11/21/cam1.jpg}. Every segment is
 * 1-255 characters without control characters; {@code .} and {@code ..} cannot appear (the adapter resolves
 * them), so a path can never leave the source's tree.
 */
public record TreePath(String value) {

    public static final TreePath ROOT = new TreePath("/");

    private static final int MAX_LENGTH = 1024;
    private static final int MAX_DEPTH = 32;

    public TreePath {
        if (value == null || !value.startsWith("/") || value.length() > MAX_LENGTH) {
            throw new InvalidPathException("path must be absolute and at most " + MAX_LENGTH + " characters: " + value);
        }
        if (!value.equals("/")) {
            String[] segments = value.substring(1).split("/", -1);
            if (segments.length > MAX_DEPTH) {
                throw new InvalidPathException("path is more than " + MAX_DEPTH + " folders deep: " + value);
            }
            for (String segment : segments) {
                checkSegment(segment, value);
            }
        }
    }

    private static void checkSegment(String segment, String path) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.length() > 255) {
            throw new InvalidPathException("not a valid name in " + path + ": '" + segment + "'");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isISOControl(c) || c == '\\') {
                throw new InvalidPathException("names must not contain control characters or backslashes: " + path);
            }
        }
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    /** The last segment ({@code cam1.jpg}); empty for the root. */
    public String name() {
        return isRoot() ? "" : value.substring(value.lastIndexOf('/') + 1);
    }

    public Optional<TreePath> parent() {
        if (isRoot()) {
            return Optional.empty();
        }
        int slash = value.lastIndexOf('/');
        return Optional.of(slash == 0 ? ROOT : new TreePath(value.substring(0, slash)));
    }

    public TreePath child(String name) {
        return new TreePath(isRoot() ? "/" + name : value + "/" + name);
    }

    /** This path and every folder above it except the root, outermost first. */
    public List<TreePath> selfAndAncestors() {
        List<TreePath> paths = new ArrayList<>();
        for (TreePath p = this; !p.isRoot(); p = p.parent().orElseThrow()) {
            paths.addFirst(p);
        }
        return paths;
    }

    /** Whether {@code other} is this path or below it. */
    public boolean contains(TreePath other) {
        return isRoot() || other.value.equals(value) || other.value.startsWith(value + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
