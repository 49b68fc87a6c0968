package org.imagestore.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Rendered variants by key ({@code imageId/spec}), bounded by total bytes. */
@ApplicationScoped
public class RenditionCache {

    private static final long MAX_BYTES = 64L << 20;

    private final LinkedHashMap<String, Rendered> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public synchronized Rendered get(String key) {
        return entries.get(key);
    }

    public synchronized void put(String key, Rendered rendered) {
        Rendered old = entries.put(key, rendered);
        bytes += rendered.bytes().length - (old == null ? 0 : old.bytes().length);
        var eldest = entries.entrySet().iterator();
        while (bytes > MAX_BYTES && eldest.hasNext()) {
            Map.Entry<String, Rendered> e = eldest.next();
            bytes -= e.getValue().bytes().length;
            eldest.remove();
        }
    }

    public synchronized void forgetImage(String imageId) {
        entries.entrySet().removeIf(e -> {
            boolean match = e.getKey().startsWith(imageId + "/");
            if (match) {
                bytes -= e.getValue().bytes().length;
            }
            return match;
        });
    }
}
