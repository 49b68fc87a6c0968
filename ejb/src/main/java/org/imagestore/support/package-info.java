/** Small helpers shared by the domain packages; nothing domain-specific lives here. */
package org.imagestore.support;
