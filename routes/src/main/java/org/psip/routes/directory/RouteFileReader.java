package org.psip.routes.directory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Navigate;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.apache.camel.processor.ThreadsProcessor;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Reads a route file (Camel YAML DSL or XML IO DSL, told apart by the extension) into
 * route definitions, and proves each route can be built before anything running is
 * touched: a route that names a bean the registry lacks, a broken expression or an
 * unknown endpoint is refused here, with its line, instead of failing after Camel
 * already removed the route it was to replace.
 */
final class RouteFileReader {

    private final CamelContext context;

    RouteFileReader(CamelContext context) {
        this.context = context;
    }

    /** The file's routes, checked; their definitions are fresh, for adding to the context. */
    RouteFile read(Path file, byte[] content) throws RefusedRouteFileException {
        String text = new String(content, StandardCharsets.UTF_8);
        Resource resource = ResourceHelper.fromBytes("file:" + file.toAbsolutePath(), content);
        for (RouteDefinition route : parse(file, resource)) {
            build(file, text, route);
        }
        return new RouteFile(file, RouteFile.fingerprint(content), text, parse(file, resource));
    }

    /**
     * A fresh definition of a route that ran, read again from where it came from: Camel
     * cannot add a definition it has built and removed once more. A route of unknown
     * origin is given back as it is.
     */
    RouteDefinition freshCopy(RouteDefinition used) {
        Resource source = used.getResource();
        if (source == null) {
            return used;
        }
        try {
            for (RouteDefinition route : parse(Path.of(source.getLocation()), source)) {
                if (used.getRouteId().equals(route.getRouteId())) {
                    return route;
                }
            }
        } catch (RefusedRouteFileException e) {
            // it parsed when it was loaded: not expected, and the used definition is all there is
        }
        return used;
    }

    /**
     * The routes of one file, parsed afresh each time. A route without an id is given
     * {@code <file name>-<n>}, so that it keeps its id from one reload to the next.
     */
    private List<RouteDefinition> parse(Path file, Resource resource) throws RefusedRouteFileException {
        List<RouteDefinition> routes = new ArrayList<>();
        try {
            Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(context)
                    .findRoutesBuilders(List.of(resource));
            for (RoutesBuilder builder : builders) {
                routes.addAll(routesOnly(file, (RouteBuilder) builder));
            }
        } catch (RefusedRouteFileException refused) {
            throw refused;
        } catch (Exception e) {
            throw new RefusedRouteFileException(RouteFileProblems.parseFailure(file, e), e);
        }
        String baseName = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).getRouteId() == null) {
                routes.get(i).routeId(baseName + "-" + (i + 1));
            }
        }
        checkDistinctIds(file, routes);
        return routes;
    }

    /** Route configurations, templates, rests and beans would outlive the file: only routes come and go with it. */
    private List<RouteDefinition> routesOnly(Path file, RouteBuilder builder) throws Exception {
        List<RouteDefinition> routes = builder.configureRoutes(context).getRoutes();
        List<String> others = new ArrayList<>();
        if (!builder.getBeans().isEmpty()) {
            others.add("beans");
        }
        if (!builder.getRestCollection().getRests().isEmpty()) {
            others.add("rest");
        }
        if (!builder.getRouteTemplateCollection().getRouteTemplates().isEmpty()) {
            others.add("routeTemplate");
        }
        if (!builder.getTemplatedRouteCollection().getTemplatedRoutes().isEmpty()) {
            others.add("templatedRoute");
        }
        if (!others.isEmpty()) {
            throw new RefusedRouteFileException(new RouteFileRefusal(file, 0, "defines " + String.join(", ", others)
                    + ": a routes directory file holds routes only", Instant.now()), null);
        }
        return routes;
    }

    private static void checkDistinctIds(Path file, List<RouteDefinition> routes) throws RefusedRouteFileException {
        Set<String> ids = new HashSet<>();
        for (RouteDefinition route : routes) {
            if (route.getRouteId() != null && !ids.add(route.getRouteId())) {
                throw new RefusedRouteFileException(new RouteFileRefusal(file, Math.max(route.getLineNumber(), 0),
                        "route id " + route.getRouteId() + " is used twice in this file", Instant.now()), null);
            }
        }
    }

    /**
     * Builds the route as Camel will, without adding or starting it, then lets go of
     * what building it made: the thread pools of its threads steps.
     */
    private void build(Path file, String text, RouteDefinition route) throws RefusedRouteFileException {
        Route built;
        try {
            RouteDefinitionHelper.prepareRoute(context, route);
            built = context.getCamelContextExtension().getContextPlugin(Model.class).getModelReifierFactory()
                    .createRoute(context, route);
        } catch (Exception e) {
            throw new RefusedRouteFileException(RouteFileProblems.buildFailure(file, text, route, e), e);
        }
        if (built != null) {
            shutDownThreadPools(built.getProcessor(), new HashSet<>());
        }
    }

    private static void shutDownThreadPools(Object processor, Set<Object> seen) {
        if (processor == null || !seen.add(processor)) {
            return;
        }
        if (processor instanceof ThreadsProcessor threads) {
            ServiceHelper.stopAndShutdownService(threads);
        }
        if (processor instanceof Navigate<?> navigate && navigate.hasNext()) {
            for (Object next : navigate.next()) {
                shutDownThreadPools(next, seen);
            }
        }
    }
}
