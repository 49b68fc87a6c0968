package org.imagestore.alerting;

import org.imagestore.imaging.GeoPoint;
import org.imagestore.support.InvalidParameterException;

/**
 * An area between two latitudes and two longitudes, in decimal degrees; a box whose west edge lies east of its
 * east edge spans the antimeridian.
 */
public record GeoBox(Double south, Double west, Double north, Double east) {

    /** Refuses a box that is not one. */
    void check() {
        degrees("match.area.south", south, 90);
        degrees("match.area.north", north, 90);
        degrees("match.area.west", west, 180);
        degrees("match.area.east", east, 180);
        if (south > north) {
            throw new InvalidParameterException("match.area", "south (" + south + ") lies north of north (" + north + ")");
        }
    }

    public boolean contains(GeoPoint point) {
        boolean latitude = point.latitude() >= south && point.latitude() <= north;
        boolean longitude = west <= east ? point.longitude() >= west && point.longitude() <= east
                : point.longitude() >= west || point.longitude() <= east;
        return latitude && longitude;
    }

    private static void degrees(String parameter, Double value, int limit) {
        if (value == null || value.isNaN() || Math.abs(value) > limit) {
            throw new InvalidParameterException(parameter, "degrees between -" + limit + " and " + limit + " are needed");
        }
    }

    @Override
    public String toString() {
        return "[" + south + "," + west + " .. " + north + "," + east + "]";
    }
}
