package org.imagestore.alerting;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

import org.imagestore.support.InvalidParameterException;

/**
 * A time-of-day window on the camera's own clock, {@code from} inclusive, {@code to} exclusive; a window whose
 * end comes before its start runs over midnight (22:00 to 06:00).
 */
public record CaptureWindow(String from, String to) {

    /** The window as a test of times of day; refuses a window whose ends are not times of day. */
    Predicate<LocalTime> compile() {
        time("match.capturedBetween.from", from);
        time("match.capturedBetween.to", to);
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        return start.isBefore(end) ? time -> !time.isBefore(start) && time.isBefore(end)
                : time -> !time.isBefore(start) || time.isBefore(end);
    }

    private static void time(String parameter, String value) {
        if (value == null) {
            throw new InvalidParameterException(parameter, "a time of day is needed, such as 22:00");
        }
        try {
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "not a time of day (HH:MM or HH:MM:SS): " + value);
        }
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
