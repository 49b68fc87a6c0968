package org.imagestore.alerting;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.imagestore.imaging.ImageFormat;
import org.imagestore.support.InvalidParameterException;

/**
 * What an upload must be for an image rule to fire: every criterion given must hold, absent ones are not checked.
 * Patterns are {@link Glob}s; source and path patterns are case-sensitive (as FTP paths are), camera patterns are
 * not. An image without a capture time or a GPS position does not match a rule that asks for one.
 *
 * @param source          the source's name, as a pattern ({@code door-*})
 * @param path            the full FTP path, as a pattern ({@code /2026/*}{@code /night-*.jpg})
 * @param format          {@code jpeg}, {@code png}, ...
 * @param minBytes        the smallest size, in bytes
 * @param maxBytes        the largest size, in bytes
 * @param minWidth        the smallest width, in pixels as displayed
 * @param maxWidth        the largest width
 * @param minHeight       the smallest height
 * @param maxHeight       the largest height
 * @param cameraMake      the EXIF make, as a pattern
 * @param cameraModel     the EXIF model, as a pattern
 * @param capturedBetween a time-of-day window on the camera's clock
 * @param area            where the GPS position must lie
 */
public record ImageCriteria(String source, String path, String format, Long minBytes, Long maxBytes,
                            Integer minWidth, Integer maxWidth, Integer minHeight, Integer maxHeight,
                            String cameraMake, String cameraModel, CaptureWindow capturedBetween, GeoBox area) {

    /** Checks every criterion and compiles them; refuses a rule that could never fire or names no criterion. */
    public Predicate<Arrival> compile() {
        List<Predicate<Arrival>> checks = new ArrayList<>();
        if (source != null) {
            Glob glob = Glob.of(nonBlank("match.source", source));
            checks.add(a -> glob.matches(a.source()));
        }
        if (path != null) {
            Glob glob = Glob.of(nonBlank("match.path", path));
            checks.add(a -> glob.matches(a.path()));
        }
        if (format != null) {
            ImageFormat wanted = ImageFormat.fromParameter(format.toLowerCase(Locale.ROOT)).orElseThrow(
                    () -> new InvalidParameterException("match.format", "not a format the store takes: " + format));
            checks.add(a -> a.facts().format() == wanted);
        }
        range("match.minBytes", minBytes, "match.maxBytes", maxBytes);
        range("match.minWidth", minWidth, "match.maxWidth", maxWidth);
        range("match.minHeight", minHeight, "match.maxHeight", maxHeight);
        if (minBytes != null) {
            checks.add(a -> a.bytes() >= minBytes);
        }
        if (maxBytes != null) {
            checks.add(a -> a.bytes() <= maxBytes);
        }
        if (minWidth != null) {
            checks.add(a -> a.facts().displayWidth() >= minWidth);
        }
        if (maxWidth != null) {
            checks.add(a -> a.facts().displayWidth() <= maxWidth);
        }
        if (minHeight != null) {
            checks.add(a -> a.facts().displayHeight() >= minHeight);
        }
        if (maxHeight != null) {
            checks.add(a -> a.facts().displayHeight() <= maxHeight);
        }
        if (cameraMake != null) {
            Glob glob = Glob.ignoringCase(nonBlank("match.cameraMake", cameraMake));
            checks.add(a -> a.facts().cameraMake().filter(glob::matches).isPresent());
        }
        if (cameraModel != null) {
            Glob glob = Glob.ignoringCase(nonBlank("match.cameraModel", cameraModel));
            checks.add(a -> a.facts().cameraModel().filter(glob::matches).isPresent());
        }
        if (capturedBetween != null) {
            Predicate<LocalTime> window = capturedBetween.compile();
            checks.add(a -> a.facts().captureTime().filter(t -> window.test(t.local().toLocalTime())).isPresent());
        }
        if (area != null) {
            area.check();
            checks.add(a -> a.facts().location().filter(area::contains).isPresent());
        }
        if (checks.isEmpty()) {
            throw new InvalidParameterException("match", "name at least one criterion; a rule for every upload would"
                    + " be the metadata topic itself");
        }
        return arrival -> checks.stream().allMatch(check -> check.test(arrival));
    }

    /** The criteria given, for a firing's reason: {@code source door-*, format jpeg}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "source", source);
        add(parts, "path", path);
        add(parts, "format", format);
        add(parts, "bytes >=", minBytes);
        add(parts, "bytes <=", maxBytes);
        add(parts, "width >=", minWidth);
        add(parts, "width <=", maxWidth);
        add(parts, "height >=", minHeight);
        add(parts, "height <=", maxHeight);
        add(parts, "camera make", cameraMake);
        add(parts, "camera model", cameraModel);
        add(parts, "captured between", capturedBetween);
        add(parts, "GPS in", area);
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String label, Object value) {
        if (value != null) {
            parts.add(label + " " + value);
        }
    }

    private static String nonBlank(String parameter, String pattern) {
        if (pattern.isBlank() || pattern.length() > 1024) {
            throw new InvalidParameterException(parameter, "a pattern of 1 to 1024 characters is needed");
        }
        return pattern;
    }

    private static <T extends Number & Comparable<T>> void range(String minName, T min, String maxName, T max) {
        if (min != null && min.longValue() < 0) {
            throw new InvalidParameterException(minName, "must not be negative");
        }
        if (max != null && max.longValue() < 0) {
            throw new InvalidParameterException(maxName, "must not be negative");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidParameterException(minName, "is larger than " + maxName + ": the rule could never fire");
        }
    }
}
