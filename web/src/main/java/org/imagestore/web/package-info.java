/**
 * The HTTP interface (DESIGN.md, "HTTP (users)"): thin JAX-RS resources that check parameters, call the domain
 * and turn its answers and exceptions into responses. JSON errors always say which parameter and why.
 */
package org.imagestore.web;
