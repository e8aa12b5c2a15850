package org.psip.routes.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the running routes by id. A route is replaced the way Camel stops one:
 * gracefully, so that the exchanges in flight on it (a call waiting on answer_url)
 * finish on the route they started on; the new route starts once they have. The
 * routes that ran before any file was loaded (psip's own call flow) are remembered:
 * a file may replace one, and it comes back when that file goes.
 */
final class RouteReplacer {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReplacer.class);
    private static final long DRAIN_POLL_MILLIS = 5;

    private final CamelContext context;
    private final RouteFileReader reader;
    private final Model model;
    private final long drainMillis;
    private final Map<String, RouteDefinition> shipped = new LinkedHashMap<>();

    /** A route of the file that Camel would not add or start; the routes it was to replace run again. */
    static final class RouteNotStartedException extends Exception {

        private final transient RouteDefinition route;

        RouteNotStartedException(RouteDefinition route, Exception cause) {
            super(cause.getMessage(), cause);
            this.route = route;
        }

        RouteDefinition route() {
            return route;
        }
    }

    /** @param drainTimeout how long a replaced route's exchanges in flight may take to finish */
    RouteReplacer(CamelContext context, RouteFileReader reader, Duration drainTimeout) {
        this.context = context;
        this.reader = reader;
        this.model = context.getCamelContextExtension().getContextPlugin(Model.class);
        this.drainMillis = drainTimeout.toMillis();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            shipped.put(route.getRouteId(), route);
        }
    }

    boolean isShipped(String routeId) {
        return shipped.containsKey(routeId);
    }

    /** Whether the context has a route with this id (started or not). */
    boolean exists(String routeId) {
        return routeId != null && context.getRoute(routeId) != null;
    }

    /**
     * Starts the routes, each in place of the running route with its id. If one fails
     * to start, the routes already put are taken away and the replaced ones put back.
     *
     * @return the ids of the routes now running
     */
    List<String> put(List<RouteDefinition> routes) throws RouteNotStartedException {
        Map<String, RouteDefinition> replaced = new LinkedHashMap<>();
        List<String> started = new ArrayList<>();
        for (RouteDefinition route : routes) {
            try {
                if (exists(route.getRouteId())) {
                    replaced.put(route.getRouteId(), model.getRouteDefinition(route.getRouteId()));
                    retire(route.getRouteId());
                }
                model.addRouteDefinition(route);
                started.add(route.getRouteId());
            } catch (Exception e) {
                undo(routes, replaced);
                throw new RouteNotStartedException(route, e);
            }
        }
        return started;
    }

    /** Takes the route away; a shipped one comes back as shipped. */
    void remove(String routeId) throws Exception {
        retire(routeId);
        RouteDefinition original = shipped.get(routeId);
        if (original != null) {
            model.addRouteDefinition(reader.freshCopy(original));
        }
    }

    /**
     * Stops the route once its exchanges in flight are done (or the drain timeout passed),
     * and removes it. Its consumer is suspended first, as Camel's graceful stop does, so
     * no exchange starts on the old route while those in flight still run on it (a
     * consumer that cannot be suspended is stopped, and its route's processors with it).
     * Camel's own stop would then look at the exchanges in flight only once a second,
     * which would hold the next route back that long: so they are awaited here, finely.
     */
    private void retire(String routeId) throws Exception {
        Route route = context.getRoute(routeId);
        if (route == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        ServiceHelper.suspendService(route.getConsumer());
        while (context.getInflightRepository().size(routeId) > 0 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(DRAIN_POLL_MILLIS);
        }
        long left = Math.max(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1);
        context.getRouteController().stopRoute(routeId, left, TimeUnit.MILLISECONDS);
        context.removeRoute(routeId);
    }

    private void undo(List<RouteDefinition> routes, Map<String, RouteDefinition> replaced) {
        for (RouteDefinition route : routes) {
            String id = route.getRouteId();
            if (id == null || model.getRouteDefinition(id) != route) {
                continue; // never added
            }
            try {
                retire(id);
                if (model.getRouteDefinition(id) == route) {
                    model.removeRouteDefinition(route);
                }
            } catch (Exception e) {
                LOG.error("route {} could not be taken away after its file was refused", id, e);
            }
        }
        for (Map.Entry<String, RouteDefinition> previous : replaced.entrySet()) {
            try {
                if (!exists(previous.getKey())) {
                    model.addRouteDefinition(reader.freshCopy(previous.getValue()));
                }
            } catch (Exception e) {
                LOG.error("route {} could not be put back after its replacement was refused", previous.getKey(), e);
            }
        }
    }
}
