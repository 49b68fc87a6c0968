package org.imagestore.alerting;

/** Image criteria for tests, one criterion at a time. */
final class CriteriaBuilder {

    private String source;
    private String path;
    private String format;
    private Long minBytes;
    private Long maxBytes;
    private Integer minWidth;
    private Integer maxWidth;
    private Integer minHeight;
    private String cameraMake;
    private String cameraModel;
    private CaptureWindow window;
    private GeoBox area;

    CriteriaBuilder source(String pattern) {
        source = pattern;
        return this;
    }

    CriteriaBuilder path(String pattern) {
        path = pattern;
        return this;
    }

    CriteriaBuilder format(String name) {
        format = name;
        return this;
    }

    CriteriaBuilder minBytes(Long bytes) {
        minBytes = bytes;
        return this;
    }

    CriteriaBuilder maxBytes(Long bytes) {
        maxBytes = bytes;
        return this;
    }

    CriteriaBuilder minWidth(int pixels) {
        minWidth = pixels;
        return this;
    }

    CriteriaBuilder maxWidth(int pixels) {
        maxWidth = pixels;
        return this;
    }

    CriteriaBuilder minHeight(int pixels) {
        minHeight = pixels;
        return this;
    }

    CriteriaBuilder cameraMake(String pattern) {
        cameraMake = pattern;
        return this;
    }

    CriteriaBuilder cameraModel(String pattern) {
        cameraModel = pattern;
        return this;
    }

    CriteriaBuilder capturedBetween(String from, String to) {
        window = new CaptureWindow(from, to);
        return this;
    }

    CriteriaBuilder area(double south, double west, double north, double east) {
        area = new GeoBox(south, west, north, east);
        return this;
    }

    ImageCriteria build() {
        return new ImageCriteria(source, path, format, minBytes, maxBytes, minWidth, maxWidth, minHeight, null,
                cameraMake, cameraModel, window, area);
    }
}
