package org.imagestore.delivery;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.imagestore.image.ImageId;

/**
 * The renditions read most through this node, kept ready to send in this JVM's heap, in front of the Infinispan
 * cache: a hit there decodes the stored value (protostream) and copies the bytes out on every read, which bench/run
 * measured as a third of the work of answering a cached rendition. Bounded by bytes; full, it drops entries not
 * read since the clock hand last passed them (second chance), so a hot set that fits stays.
 *
 * <p>An entry is admitted only after a read found it in the Infinispan cache and its image not purged. A purge
 * drops the image's entries; an admission that raced with a purge, having read the cache before it, is undone by
 * the admitting thread, which sees the purge count moved.
 */
final class HotRenditions {

    /** Larger renditions are left to the Infinispan cache alone, so that one cannot push out many small ones. */
    private static final int LARGEST_SHARE = 16;

    private static final class Entry {
        final Rendered rendered;
        volatile boolean readSinceHandPassed;

        Entry(Rendered rendered) {
            this.rendered = rendered;
        }

        int size() {
            return rendered.bytes().length;
        }
    }

    private final long capacityBytes;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Keys in admission order; the clock's hand is its head. May name keys already dropped: they are skipped. */
    private final ConcurrentLinkedQueue<String> clock = new ConcurrentLinkedQueue<>();
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong purges = new AtomicLong();

    HotRenditions(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    Optional<Rendered> get(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.readSinceHandPassed) { // written only when it changes: hits on both cores then share the line
            entry.readSinceHandPassed = true;
        }
        return Optional.of(entry.rendered);
    }

    /** To be read before the read of the cache whose result is then admitted. */
    long purgesSoFar() {
        return purges.get();
    }

    /** Keeps {@code rendered}, read from the cache when {@link #purgesSoFar()} said {@code purgesBefore}. */
    void admit(String cacheKey, Rendered rendered, long purgesBefore) {
        if ((long) rendered.bytes().length * LARGEST_SHARE > capacityBytes) {
            return;
        }
        Entry entry = new Entry(rendered);
        if (entries.putIfAbsent(cacheKey, entry) != null) {
            return;
        }
        heldBytes.addAndGet(entry.size());
        clock.add(cacheKey);
        if (purges.get() != purgesBefore) { // a purge ran meanwhile: the bytes read may be of its image
            drop(cacheKey, entry);
        }
        while (heldBytes.get() > capacityBytes && advanceHand()) {
            // each turn drops one entry or gives one a second chance
        }
    }

    /** Drops every rendition of a purged image, and any admission of one under way. */
    void forgetImage(ImageId image) {
        purges.incrementAndGet();
        entries.forEach((key, entry) -> {
            if (RenditionKey.isOf(key, image)) {
                drop(key, entry);
            }
        });
        clock.removeIf(key -> RenditionKey.isOf(key, image));
    }

    long heldBytes() {
        return heldBytes.get();
    }

    /** One step of the clock: false when there is nothing left to step over. */
    private boolean advanceHand() {
        String key = clock.poll();
        if (key == null) {
            return false;
        }
        Entry entry = entries.get(key);
        if (entry != null && entry.readSinceHandPassed) {
            entry.readSinceHandPassed = false;
            clock.add(key);
        } else if (entry != null) {
            drop(key, entry);
        }
        return true;
    }

    private void drop(String key, Entry entry) {
        if (entries.remove(key, entry)) {
            heldBytes.addAndGet(-entry.size());
        }
    }
}
