package org.imagestore.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagestore.image.ImageId;

/**
 * Which nodes hold which group: every group's holders, in order. Immutable; each change of the catalogue's map
 * has a new version. An image's group is its id's first {@code groupChars} characters.
 */
public record GroupMap(long version, int groupChars, Map<String, List<String>> holders) {

    static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public GroupMap {
        holders = Collections.unmodifiableMap(new TreeMap<>(holders));
    }

    public static GroupMap empty() {
        return new GroupMap(0, 2, Map.of());
    }

    public String groupOf(ImageId id) {
        return id.value().substring(0, groupChars);
    }

    /** The group's holders, first holder first; empty for a group nobody holds yet. */
    public List<String> holdersOf(String group) {
        return holders.getOrDefault(group, List.of());
    }

    public List<String> holdersOf(ImageId id) {
        return holdersOf(groupOf(id));
    }

    /** The groups a node holds. */
    public List<String> groupsOf(String node) {
        return holders.entrySet().stream().filter(e -> e.getValue().contains(node)).map(Map.Entry::getKey).toList();
    }

    /** Every group name for this prefix length, in order: 1,024 for 2 characters, 32,768 for 3. */
    public static List<String> allGroups(int groupChars) {
        List<String> groups = new ArrayList<>();
        addGroups("", groupChars, groups);
        return groups;
    }

    private static void addGroups(String prefix, int left, List<String> out) {
        if (left == 0) {
            out.add(prefix);
            return;
        }
        for (char c : ALPHABET) {
            addGroups(prefix + c, left - 1, out);
        }
    }
}
