package org.imagestore.imaging;

import java.util.Optional;

/** A GPS position in decimal degrees (WGS 84), with the altitude in metres when the camera recorded one. */
public record GeoPoint(double latitude, double longitude, Optional<Double> altitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("not a GPS position: " + latitude + "," + longitude);
        }
    }
}
