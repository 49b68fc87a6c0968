/** {@code /health} and {@code /metrics}, for load balancers and Prometheus. */
package org.imagestore.web.ops;
