package org.imagestore.bench.alerts;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.imagestore.alerting.Arrival;
import org.imagestore.alerting.CaptureWindow;
import org.imagestore.alerting.GeoBox;
import org.imagestore.alerting.ImageCriteria;
import org.imagestore.imaging.CaptureTime;
import org.imagestore.imaging.GeoPoint;
import org.imagestore.imaging.ImageFacts;
import org.imagestore.imaging.ImageFormat;

/**
 * Matches uploads against N enabled image rules, as ingest does for every upload ({@code IngestAlerts}): rules of
 * every criterion kind (source and path patterns, format, sizes, camera, capture window, GPS box), none of which
 * the uploads meet, so every rule is checked in full. Prints {@code rules=N ns_per_upload=...} for N in
 * {@code --rules} (default 1,10,100,1000), after a warm-up.
 */
public final class RuleMatchingBenchmark {

    private RuleMatchingBenchmark() {
    }

    public static void main(String[] args) {
        String counts = args.length > 1 && "--rules".equals(args[0]) ? args[1] : "1,10,100,1000";
        List<Arrival> uploads = uploads();
        for (String count : counts.split(",")) {
            List<Predicate<Arrival>> rules = rules(Integer.parseInt(count.trim()));
            measure(rules, uploads, 2_000_000 / rules.size() + 1_000); // warm-up
            long uploadsMatched = Math.max(20_000, 20_000_000L / rules.size());
            long nanos = measure(rules, uploads, uploadsMatched);
            System.out.printf("rules=%s ns_per_upload=%.0f%n", count.trim(), (double) nanos / uploadsMatched);
        }
    }

    private static long measure(List<Predicate<Arrival>> rules, List<Arrival> uploads, long count) {
        long fired = 0;
        long started = System.nanoTime();
        for (long i = 0; i < count; i++) {
            Arrival upload = uploads.get((int) (i % uploads.size()));
            for (Predicate<Arrival> rule : rules) {
                if (rule.test(upload)) {
                    fired++;
                }
            }
        }
        long nanos = System.nanoTime() - started;
        if (fired != 0) {
            throw new IllegalStateException("a rule matched: the benchmark means every rule to be checked in full");
        }
        return nanos;
    }

    /** Rules that each fail on their last criterion only (the most work a non-matching rule can cost). */
    private static List<Predicate<Arrival>> rules(int count) {
        List<Predicate<Arrival>> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rules.add(new ImageCriteria("cam-*", "/20*/*.jpg", "jpeg", 1L, 1L << 40, 1, 100_000, 1, 100_000,
                    "canon*", "*eos*", new CaptureWindow("00:00", "23:59:59"),
                    new GeoBox(-10.0 - i % 7, -10.0, 10.0, 10.0)).compile());
        }
        return rules;
    }

    private static List<Arrival> uploads() {
        List<Arrival> uploads = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            uploads.add(new Arrival("cam-" + i, "/2026/12/01/IMG_" + (1000 + i) + ".jpg", 1_000_000 + i,
                    new ImageFacts(ImageFormat.JPEG, 4000, 3000, 1,
                            Optional.of(new CaptureTime(LocalDateTime.of(2026, 12, 1, i % 24, i % 60), Optional.empty())),
                            Optional.of("Canon"), Optional.of("Canon EOS 70D"),
                            Optional.of(new GeoPoint(47.0 + i / 100.0, 8.5, Optional.empty())))));
        }
        return uploads;
    }
}
