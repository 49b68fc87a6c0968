package org.imagestore.volume;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A volume as configured: a folder and, optionally, the capacity the store may use in it
 * ({@code /srv/images1@500G}); without one, the capacity is that of the folder's filesystem.
 */
public record VolumeSpec(Path root, OptionalLong capacityBytes) {

    /** Parses {@code imagestore.volumes}: comma-separated {@code path[@capacity]}, capacity like 500G, 2T, 800M. */
    public static List<VolumeSpec> parseAll(String config) {
        List<VolumeSpec> specs = Arrays.stream(config.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(VolumeSpec::parse).toList();
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("imagestore.volumes names no volume");
        }
        return specs;
    }

    static VolumeSpec parse(String entry) {
        int at = entry.lastIndexOf('@');
        if (at < 0) {
            return new VolumeSpec(Path.of(entry).toAbsolutePath().normalize(), OptionalLong.empty());
        }
        return new VolumeSpec(Path.of(entry.substring(0, at)).toAbsolutePath().normalize(),
                OptionalLong.of(parseSize(entry.substring(at + 1))));
    }

    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Math.multiplyExact(Long.parseLong(digits.trim()), unit);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a volume capacity: '" + text + "' (use e.g. 500G, 2T, 800M)");
        }
    }
}
