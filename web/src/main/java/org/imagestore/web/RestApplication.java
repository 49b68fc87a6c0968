package org.imagestore.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Everything is served from the root: {@code /images}, {@code /admin}, {@code /health}, {@code /metrics}. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
