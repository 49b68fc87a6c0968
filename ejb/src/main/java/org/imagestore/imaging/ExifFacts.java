package org.imagestore.imaging;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.drew.lang.GeoLocation;
import com.drew.lang.RandomAccessReader;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * The EXIF facts the store keeps, read with metadata-extractor. Broken or missing metadata is never a reason
 * to refuse an image: whatever cannot be read is simply absent.
 */
record ExifFacts(int orientation, Optional<CaptureTime> captureTime, Optional<String> cameraMake,
                        Optional<String> cameraModel, Optional<GeoPoint> location) {

    public static final ExifFacts NONE = new ExifFacts(1, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /**
     * Reads the EXIF of a file whose format is already known: its EXIF block only ({@link ExifLocator}), never
     * other metadata. A block that runs too deep (nested directories) or too far is unreadable, as a broken one is.
     */
    public static ExifFacts read(Path file, ImageFormat format) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Optional<RandomAccessReader> exif = ExifLocator.find(channel, format);
            if (exif.isEmpty()) {
                return NONE;
            }
            Metadata metadata = new Metadata();
            new ExifReader().extract(exif.get(), metadata);
            return of(metadata);
        } catch (IOException | RuntimeException | StackOverflowError unreadable) {
            // StackOverflowError: directories nested thousands deep; the parser's recursion unwinds to here
            return NONE;
        }
    }

    static ExifFacts of(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        return new ExifFacts(orientation(ifd0), captureTime(sub), text(ifd0, ExifDirectoryBase.TAG_MAKE),
                text(ifd0, ExifDirectoryBase.TAG_MODEL), location(gps));
    }

    private static int orientation(Directory ifd0) {
        Integer value = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return value != null && value >= 1 && value <= 8 ? value : 1;
    }

    private static Optional<CaptureTime> captureTime(Directory sub) {
        Optional<String> local = text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        if (local.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime time = LocalDateTime.parse(local.get(), EXIF_DATE_TIME)
                    .withNano(subSecondNanos(text(sub, ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL)));
            Optional<ZoneOffset> offset = text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL).flatMap(ExifFacts::offset);
            return Optional.of(new CaptureTime(time, offset));
        } catch (DateTimeParseException placeholder) { // e.g. "0000:00:00 00:00:00" from cameras without a clock
            return Optional.empty();
        }
    }

    /**
     * SubSecTimeOriginal holds the decimal digits after the second ("868104" is .868104 s). Kept to the
     * microsecond, the catalogue's precision, so that messages and queries show the same time.
     */
    static int subSecondNanos(Optional<String> digits) {
        String d = digits.map(String::strip).filter(s -> s.matches("[0-9]{1,9}")).orElse("");
        if (d.isEmpty()) {
            return 0;
        }
        int nanos = Integer.parseInt((d + "000000000").substring(0, 9));
        return nanos - nanos % 1000;
    }

    private static Optional<ZoneOffset> offset(String text) {
        try {
            return Optional.of(ZoneOffset.of(text));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<GeoPoint> location(GpsDirectory gps) {
        GeoLocation where = gps == null ? null : gps.getGeoLocation();
        // (0, 0) is what many cameras write when they have no fix: nobody photographs the Gulf of Guinea's buoy.
        if (where == null || where.isZero()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GeoPoint(where.getLatitude(), where.getLongitude(), altitude(gps)));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    private static Optional<Double> altitude(GpsDirectory gps) {
        Rational metres = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (metres == null || metres.getDenominator() == 0) {
            return Optional.empty();
        }
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF); // 1: below sea level
        return Optional.of(ref != null && ref == 1 ? -metres.doubleValue() : metres.doubleValue());
    }

    private static Optional<String> text(Directory directory, int tag) {
        String value = directory == null ? null : directory.getString(tag);
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.replace('\0', ' ').strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
