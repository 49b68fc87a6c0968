package org.imagestore.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.imagestore.image.ImageId;

/**
 * Tells the nodes that took an upload's copies that its store committed, so that they drop their pending marks
 * without waiting for their sweeper (45 s). The notices for one node are gathered for a short window and sent in
 * one request: one request per copy cost the sending node an HTTP exchange and the receiving node a pass through
 * its REST pipeline on every upload (bench/run, 3 nodes). Nothing waits for a notice and nothing is lost without
 * one: a notice that is not delivered leaves the mark to the node's sweeper, which finds the committed placement.
 */
@ApplicationScoped
public class PlacedNotices {

    private static final Logger LOG = Logger.getLogger(PlacedNotices.class.getName());
    /** How long notices for a node gather before they are sent. */
    static final long GATHER_MILLIS = 300;
    /** A batch this large is sent at once. */
    static final int MAX_BATCH = 500;

    /** A copy on {@code volume} of a node is placed: the store that wrote it committed. */
    public record Notice(ImageId id, String volume) {

        /** The notice as a line of a batch: {@code <image id> <volume id>}. */
        public String line() {
            return id.value() + " " + volume;
        }

        /** The notice of a line written by {@link #line()}, if it is one. */
        public static Optional<Notice> parse(String line) {
            String[] fields = line.trim().split(" ");
            return fields.length == 2 ? ImageId.parse(fields[0]).map(id -> new Notice(id, fields[1])) : Optional.empty();
        }
    }

    @Inject
    private NodeClient nodes;
    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

    /** Queues the notice for {@code node}; it goes out within the gathering window. */
    public void tell(String node, ImageId id, String volume) {
        Outgoing to = outgoing.computeIfAbsent(node, Outgoing::new);
        to.queue.add(new Notice(id, volume));
        if (to.scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(to::send, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shuttingDown) { // the node's sweeper settles the marks
                to.scheduled.set(false);
            }
        }
    }

    /** The notices waiting for one node, and whether a send is scheduled. */
    private final class Outgoing {
        private final String node;
        private final Queue<Notice> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Outgoing(String node) {
            this.node = node;
        }

        void send() {
            scheduled.set(false); // a notice queued from now on schedules the next send
            List<Notice> batch = new ArrayList<>();
            for (Notice notice = queue.poll(); notice != null; notice = queue.poll()) {
                batch.add(notice);
                if (batch.size() == MAX_BATCH) {
                    nodes.placedAsync(node, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                nodes.placedAsync(node, batch);
            }
            LOG.finest(() -> "placed notices sent to " + node);
        }
    }
}
