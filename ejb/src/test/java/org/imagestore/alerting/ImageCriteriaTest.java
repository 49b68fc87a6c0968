package org.imagestore.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Predicate;

import org.imagestore.imaging.CaptureTime;
import org.imagestore.imaging.GeoPoint;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;
import org.imagestore.support.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ImageCriteriaTest {

    /** A 4000x3000 JPEG of 2 MB from a Canon, taken at 23:30 in Zurich. */
    private static final Arrival NIGHT_PHOTO = new Arrival("door-3", "/2026/12/01/night.jpg", 2_000_000,
            new ImageFacts(ImageFormat.JPEG, 4000, 3000, 1,
                    Optional.of(new CaptureTime(LocalDateTime.of(2026, 12, 1, 23, 30), Optional.empty())),
                    Optional.of("Canon"), Optional.of("Canon EOS 70D"),
                    Optional.of(new GeoPoint(47.37, 8.54, Optional.empty()))));
    /** A PNG with no EXIF at all. */
    private static final Arrival BARE_PNG = new Arrival("yard", "/a.png", 5_000,
            new ImageFacts(ImageFormat.PNG, 640, 480, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));

    private static CriteriaBuilder criteria() {
        return new CriteriaBuilder();
    }

    @Test
    void everyCriterionGivenMustHold() {
        Predicate<Arrival> rule = criteria().source("door-*").format("jpeg").minWidth(3000).build().compile();
        assertTrue(rule.test(NIGHT_PHOTO));
        assertFalse(criteria().source("door-*").format("png").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().source("gate-*").format("jpeg").build().compile().test(NIGHT_PHOTO));
        assertFalse(rule.test(BARE_PNG));
    }

    @Test
    void sourceAndPathPatternsAreCaseSensitiveAndStarCrossesFolders() {
        assertTrue(criteria().path("/2026/*.jpg").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().path("/2026/*.JPG").build().compile().test(NIGHT_PHOTO));
        assertTrue(criteria().source("door-?").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().source("Door-?").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().source("door").build().compile().test(NIGHT_PHOTO), "a whole-name match");
    }

    @Test
    void cameraPatternsIgnoreCaseAndNeedTheField() {
        assertTrue(criteria().cameraModel("*eos*").build().compile().test(NIGHT_PHOTO));
        assertTrue(criteria().cameraMake("CANON").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().cameraMake("*").build().compile().test(BARE_PNG), "no make recorded: no match");
    }

    @Test
    void sizesAreInclusiveAndUseTheDisplayedOrientation() {
        assertTrue(criteria().minBytes(2_000_000L).maxBytes(2_000_000L).build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().maxBytes(1_999_999L).build().compile().test(NIGHT_PHOTO));
        Arrival portrait = new Arrival("door-3", "/p.jpg", 1, new ImageFacts(ImageFormat.JPEG, 4000, 3000, 6,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(criteria().maxWidth(3000).minHeight(4000).build().compile().test(portrait),
                "orientation 6: displayed 3000 wide, 4000 high");
    }

    @Test
    void aCaptureWindowMayRunOverMidnight() {
        assertTrue(criteria().capturedBetween("22:00", "06:00").build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().capturedBetween("06:00", "22:00").build().compile().test(NIGHT_PHOTO));
        assertTrue(criteria().capturedBetween("23:30", "23:31").build().compile().test(NIGHT_PHOTO), "from is inclusive");
        assertFalse(criteria().capturedBetween("23:00", "23:30").build().compile().test(NIGHT_PHOTO), "to is exclusive");
        assertFalse(criteria().capturedBetween("00:00", "23:59").build().compile().test(BARE_PNG), "no capture time");
    }

    @Test
    void anAreaMaySpanTheAntimeridian() {
        assertTrue(criteria().area(47, 8, 48, 9).build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().area(46, 8, 47, 9).build().compile().test(NIGHT_PHOTO));
        assertFalse(criteria().area(47, 170, 48, -170).build().compile().test(NIGHT_PHOTO));
        Arrival fiji = new Arrival("boat", "/f.jpg", 1, new ImageFacts(ImageFormat.JPEG, 1, 1, 1, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new GeoPoint(-17.0, 179.5, Optional.empty()))));
        assertTrue(criteria().area(-18, 170, -16, -170).build().compile().test(fiji));
        assertFalse(criteria().area(-18, 170, -16, -170).build().compile().test(BARE_PNG), "no position");
    }

    @Test
    void criteriaThatCouldNeverFireOrAreNotCriteriaAreRefusedByName() {
        assertEquals("match", refused(criteria()));
        assertEquals("match.format", refused(criteria().format("heic")));
        assertEquals("match.minWidth", refused(criteria().minWidth(10).maxWidth(5)));
        assertEquals("match.maxBytes", refused(criteria().maxBytes(-1L)));
        assertEquals("match.capturedBetween.from", refused(criteria().capturedBetween("25:00", "06:00")));
        assertEquals("match.area.north", refused(criteria().area(10, 0, 91, 1)));
        assertEquals("match.area", refused(criteria().area(10, 0, 5, 1)));
        assertEquals("match.source", refused(criteria().source(" ")));
    }

    @Test
    void theDescriptionNamesTheCriteriaGiven() {
        assertEquals("source door-*, format jpeg, captured between 22:00-06:00",
                criteria().source("door-*").format("jpeg").capturedBetween("22:00", "06:00").build().describe());
    }

    private static String refused(CriteriaBuilder criteria) {
        return assertThrows(InvalidParameterException.class, () -> criteria.build().compile()).parameter();
    }
}
