package org.psip.api;

/** How psip calls an application's webhook. */
public enum HttpMethod {
    GET,
    POST
}
