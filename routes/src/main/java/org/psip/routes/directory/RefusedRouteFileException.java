package org.psip.routes.directory;

/** A route file that cannot be loaded, with the file, line and problem to tell its author. */
final class RefusedRouteFileException extends Exception {

    private final transient RouteFileRefusal refusal;

    RefusedRouteFileException(RouteFileRefusal refusal, Throwable cause) {
        super(refusal.describe(), cause);
        this.refusal = refusal;
    }

    RouteFileRefusal refusal() {
        return refusal;
    }
}
