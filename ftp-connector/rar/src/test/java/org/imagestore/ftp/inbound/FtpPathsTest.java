package org.imagestore.ftp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FtpPathsTest {

    @ParameterizedTest(name = "in {0}, ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "/        | a.jpg             | /a.jpg",
        "/2026    | a.jpg             | /2026/a.jpg",
        "/2026/11 | 21/a.jpg          | /2026/11/21/a.jpg",
        "/2026/11 | /other/a.jpg      | /other/a.jpg",
        "/2026/11 | ./a.jpg           | /2026/11/a.jpg",
        "/2026/11 | ../a.jpg          | /2026/a.jpg",
        "/2026/11 | ../../a.jpg       | /a.jpg",
        "/2026/11 | x/../y/./a.jpg    | /2026/11/y/a.jpg",
        "/2026/11 | ..                | /2026",
        "/2026/11 | .                 | /2026/11",
        "/2026/11 | /                 | /",
    })
    void resolvesAgainstTheWorkingFolder(String workingFolder, String argument, String expected) {
        assertEquals(expected, FtpPaths.resolve(workingFolder, argument));
    }

    @ParameterizedTest(name = "in {0}, ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "/     | ..                    | /",
        "/     | ../../../etc/passwd   | /etc/passwd",
        "/a    | ../../..              | /",
        "/a/b  | /../../x              | /x",
    })
    void goingAboveTheRootStaysAtTheRoot(String workingFolder, String argument, String expected) {
        assertEquals(expected, FtpPaths.resolve(workingFolder, argument));
    }

    @ParameterizedTest(name = "in {0}, ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "/     | //a///b//c.jpg | /a/b/c.jpg",
        "/a    | b//c/          | /a/b/c",
        "/a    | ///            | /",
    })
    void collapsesRepeatedAndTrailingSlashes(String workingFolder, String argument, String expected) {
        assertEquals(expected, FtpPaths.resolve(workingFolder, argument));
    }

    @Test
    void noArgumentIsTheWorkingFolder() {
        assertEquals("/2026/11", FtpPaths.resolve("/2026/11", null));
        assertEquals("/2026/11", FtpPaths.resolve("/2026/11", ""));
        assertEquals("/2026/11", FtpPaths.resolve("/2026/11", "  "));
        assertEquals("/", FtpPaths.resolve("/", null));
    }

    @Test
    void nameIsTheLastSegmentAndTheRootIsItsOwnName() {
        assertEquals("cam1.jpg", FtpPaths.name("/2026/11/cam1.jpg"));
        assertEquals("2026", FtpPaths.name("/2026"));
        assertEquals("/", FtpPaths.name("/"));
    }

    @Test
    void childOfTheRootHasOneSlash() {
        assertEquals("/a.jpg", FtpPaths.child("/", "a.jpg"));
        assertEquals("/2026/a.jpg", FtpPaths.child("/2026", "a.jpg"));
    }
}
