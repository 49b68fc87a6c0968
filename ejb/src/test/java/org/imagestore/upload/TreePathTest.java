package org.imagestore.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TreePathTest {

    /** {@code /x.../x...} with {@code depth} segments of {@code length} characters. */
    private static String path(int depth, int length) {
        return ("/" + "x".repeat(length)).repeat(depth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/2026/11/21/cam1.jpg", "/with space/é.jpg", "/.hidden", "/.../x..y", "/a-b_c.d"})
    void acceptsNormalisedAbsolutePaths(String value) {
        assertEquals(value, new TreePath(value).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "relative/a.jpg", "//a", "/a//b", "/a/", "/./a", "/a/.", "/a/../b", "/..",
        "/a\\b", "/a\u0000b", "/a\tb", "/a\nb", "/a\rb", "/a\u001fb", "/a\u007fb", "/a\u0085b", "/a\u009fb",
    })
    void refusesAnythingElse(String value) {
        assertThrows(InvalidPathException.class, () -> new TreePath(value));
    }

    @Test
    void segmentsHaveAtMost255Characters() {
        assertEquals(255, new TreePath(path(1, 255)).name().length());
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> new TreePath(path(1, 256)));
        assertEquals("not a valid name in " + path(1, 256) + ": '" + "x".repeat(256) + "'", e.getMessage());
    }

    @Test
    void pathsAreAtMost32Deep() {
        assertEquals(32, new TreePath(path(32, 1)).selfAndAncestors().size());
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> new TreePath(path(33, 1)));
        assertEquals("path is more than 32 folders deep: " + path(33, 1), e.getMessage());
    }

    @Test
    void pathsAreAtMost1024Characters() {
        String longest = path(4, 255); // 4 x (1 + 255)
        assertEquals(1024, new TreePath(longest).value().length());
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> new TreePath(longest + "/x"));
        assertEquals("path must be absolute and at most 1024 characters: " + longest + "/x", e.getMessage());
    }

    @Test
    void namesSayWhyTheyAreRefused() {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> new TreePath("/a/b\\c"));
        assertEquals("names must not contain control characters or backslashes: /a/b\\c", e.getMessage());
    }

    @Test
    void nameIsTheLastSegment() {
        assertEquals("cam1.jpg", new TreePath("/2026/cam1.jpg").name());
        assertEquals("", TreePath.ROOT.name());
    }

    @Test
    void parentIsOneSegmentUp() {
        assertEquals(Optional.of(new TreePath("/2026")), new TreePath("/2026/cam1.jpg").parent());
        assertEquals(Optional.of(TreePath.ROOT), new TreePath("/2026").parent());
        assertEquals(Optional.empty(), TreePath.ROOT.parent());
    }

    @Test
    void childAddsASegment() {
        assertEquals(new TreePath("/a.jpg"), TreePath.ROOT.child("a.jpg"));
        assertEquals(new TreePath("/2026/a.jpg"), new TreePath("/2026").child("a.jpg"));
        assertThrows(InvalidPathException.class, () -> TreePath.ROOT.child(".."));
        assertThrows(InvalidPathException.class, () -> TreePath.ROOT.child("a/"));
    }

    @Test
    void selfAndAncestorsAreOutermostFirstWithoutTheRoot() {
        assertEquals(List.of(new TreePath("/a"), new TreePath("/a/b"), new TreePath("/a/b/c.jpg")),
                new TreePath("/a/b/c.jpg").selfAndAncestors());
        assertEquals(List.of(), TreePath.ROOT.selfAndAncestors());
    }

    @Test
    void containsItselfAndWhatIsBelow() {
        TreePath folder = new TreePath("/2026/11");
        assertTrue(folder.contains(folder));
        assertTrue(folder.contains(new TreePath("/2026/11/21/a.jpg")));
        assertFalse(folder.contains(new TreePath("/2026")));
        assertFalse(folder.contains(new TreePath("/2026/110")), "a longer name is not below");
        assertFalse(folder.contains(new TreePath("/2026/11.jpg")));
        assertTrue(TreePath.ROOT.contains(folder));
        assertTrue(TreePath.ROOT.contains(TreePath.ROOT));
        assertTrue(TreePath.ROOT.isRoot());
        assertFalse(folder.isRoot());
    }
}
