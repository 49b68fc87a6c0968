package org.imagestore.levelling;

/** A group index ordered by its bytes, then its index: what lets a node's groups be searched by size. */
record SizedGroup(long bytes, int group) implements Comparable<SizedGroup> {

    /** Sorts after every group of {@code bytes} bytes: the upper end of a search range. */
    static SizedGroup above(long bytes) {
        return new SizedGroup(bytes, Integer.MAX_VALUE);
    }

    /** Sorts before every group of {@code bytes} bytes: the lower end of a search range. */
    static SizedGroup below(long bytes) {
        return new SizedGroup(bytes, -1);
    }

    @Override
    public int compareTo(SizedGroup other) {
        int bySize = Long.compare(bytes, other.bytes);
        return bySize != 0 ? bySize : Integer.compare(group, other.group);
    }
}
