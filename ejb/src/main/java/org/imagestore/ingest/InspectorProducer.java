package org.imagestore.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.imagestore.imaging.ImageInspector;

/** Makes the (container-agnostic, thread-safe) inspector injectable. */
@ApplicationScoped
public class InspectorProducer {

    private final ImageInspector inspector = new ImageInspector();

    @Produces
    ImageInspector inspector() {
        return inspector;
    }
}
