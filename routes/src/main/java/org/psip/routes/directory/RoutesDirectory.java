package org.psip.routes.directory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of route files, live: every {@code *.yaml} (Camel YAML DSL) and
 * {@code *.xml} (Camel XML IO DSL) file in it runs beside the routes the context
 * already has, and adding, changing or removing a file changes the routes within a
 * second, without a restart. A file may replace a route the context shipped with (the
 * call flow, {@code psip-call-flow}) by using its id; removing the file brings the
 * shipped route back.
 *
 * <p>A file that does not parse, or whose routes cannot be built (a bean that does not
 * exist, say), is refused with a WARN naming the file, line and problem
 * ({@link #lastRefusal()}), and the routes keep running as they were. A route being
 * replaced stops gracefully: its calls in flight finish on it.
 *
 * <p>Plain Camel: start it with {@code context.addService(...)} once the context's own
 * routes run. Changes are applied one at a time, on one thread.
 */
public class RoutesDirectory extends ServiceSupport {

    /** How long a file must stay unchanged before it is read: one save often raises several events. */
    static final Duration SETTLE = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(RoutesDirectory.class);

    private final CamelContext context;
    private final Path directory;
    private final Duration drainTimeout;
    private final Map<Path, LoadedFile> loaded = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile RouteFileRefusal lastRefusal;
    private RouteFileReader reader;
    private RouteReplacer replacer;
    private ScheduledExecutorService reloads;
    private FileWatcherResourceReloadStrategy watcher;

    private record LoadedFile(String fingerprint, List<String> routeIds) {
    }

    /**
     * @param directory    the route files; when it does not exist, nothing is loaded or watched
     * @param drainTimeout how long a route being replaced may take to finish its exchanges in flight
     */
    public RoutesDirectory(CamelContext context, Path directory, Duration drainTimeout) {
        this.context = context;
        this.directory = directory.toAbsolutePath().normalize();
        this.drainTimeout = drainTimeout;
    }

    public Path directory() {
        return directory;
    }

    /** The last file refused and why, for operators and tests; the log has each one at WARN. */
    public Optional<RouteFileRefusal> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    /** The ids of the routes each loaded file runs. */
    public Map<Path, List<String>> loadedRoutes() {
        Map<Path, List<String>> routes = new ConcurrentHashMap<>();
        loaded.forEach((file, routeFile) -> routes.put(file, routeFile.routeIds()));
        return routes;
    }

    @Override
    protected void doStart() throws Exception {
        reader = new RouteFileReader(context);
        replacer = new RouteReplacer(context, reader, drainTimeout);
        if (!Files.isDirectory(directory)) {
            LOG.info("No routes directory {}: only the shipped routes run", directory);
            return;
        }
        for (Path file : routeFiles()) {
            reload(file);
        }
        reloads = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "psip-routes-directory");
        watcher = new FileWatcherResourceReloadStrategy(directory.toString());
        watcher.setCamelContext(context);
        watcher.setFileFilter(RoutesDirectory::isRouteFile);
        watcher.setResourceReload((name, resource) -> changed(Path.of(name)));
        ServiceHelper.startService(watcher);
        LOG.info("Routes directory {}: {} route files loaded; changes are applied live", directory, loaded.size());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(watcher);
        if (reloads != null) {
            context.getExecutorServiceManager().shutdownNow(reloads);
            reloads = null;
        }
    }

    private List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> isRouteFile(file.toFile())).sorted().toList();
        }
    }

    /** *.yaml and *.xml; hidden files (editors' swap and lock files) are not routes. */
    private static boolean isRouteFile(File file) {
        String name = file.getName();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".xml"));
    }

    /** A file event: read the file once it has settled, on the one thread that applies changes. */
    private void changed(Path file) {
        ScheduledExecutorService executor = reloads;
        if (executor == null) {
            return;
        }
        Path normalized = file.toAbsolutePath().normalize();
        pending.compute(normalized, (path, earlier) -> {
            if (earlier != null) {
                earlier.cancel(false);
            }
            return executor.schedule(() -> reload(path), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private synchronized void reload(Path file) {
        try {
            if (!Files.exists(file)) {
                unload(file);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            LoadedFile previous = loaded.get(file);
            String fingerprint = RouteFile.fingerprint(content);
            if (previous != null && previous.fingerprint().equals(fingerprint)) {
                return; // what runs already
            }
            load(reader.read(file, content), previous);
        } catch (RefusedRouteFileException e) {
            refuse(e.refusal());
        } catch (IOException e) {
            refuse(new RouteFileRefusal(file, 0, "cannot be read: " + e.getMessage(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.error("Route file {} could not be applied", file, e);
        }
    }

    private void load(RouteFile routeFile, LoadedFile previous) throws RefusedRouteFileException {
        Path file = routeFile.file();
        List<String> previousIds = previous == null ? List.of() : previous.routeIds();
        for (RouteDefinition route : routeFile.routes()) {
            checkFree(file, route, previousIds);
        }
        List<String> started;
        long swapStarted = System.nanoTime();
        try {
            started = replacer.put(routeFile.routes());
        } catch (RouteReplacer.RouteNotStartedException e) {
            throw new RefusedRouteFileException(RouteFileProblems.buildFailure(file, routeFile.text(), e.route(),
                    (Exception) e.getCause()), e);
        }
        for (String dropped : previousIds) {
            if (!started.contains(dropped)) {
                removeRoute(file, dropped);
            }
        }
        loaded.put(file, new LoadedFile(routeFile.fingerprint(), started));
        LOG.info("Route file {} loaded: routes {}{}, in {} ms", file, started, replacing(started),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - swapStarted));
    }

    /** A route id belongs to one file; a file may take over only the shipped routes. */
    private void checkFree(Path file, RouteDefinition route, List<String> ownIds) throws RefusedRouteFileException {
        String id = route.getRouteId();
        if (id == null || ownIds.contains(id) || !replacer.exists(id) && !replacer.isShipped(id)) {
            return;
        }
        String owner = loaded.entrySet().stream().filter(entry -> entry.getValue().routeIds().contains(id))
                .map(entry -> entry.getKey().getFileName().toString()).findFirst().orElse(null);
        if (owner != null || !replacer.isShipped(id)) {
            throw new RefusedRouteFileException(new RouteFileRefusal(file, Math.max(route.getLineNumber(), 0),
                    "route id " + id + " is already taken" + (owner != null ? " by " + owner : ""), Instant.now()),
                    null);
        }
    }

    private void unload(Path file) {
        LoadedFile previous = loaded.get(file);
        if (previous == null) {
            return;
        }
        for (String routeId : previous.routeIds()) {
            removeRoute(file, routeId);
        }
        loaded.remove(file);
        LOG.info("Route file {} removed: routes {} stopped{}", file, previous.routeIds(),
                previous.routeIds().stream().anyMatch(replacer::isShipped) ? "; the shipped ones run again" : "");
    }

    private void removeRoute(Path file, String routeId) {
        try {
            replacer.remove(routeId);
        } catch (Exception e) {
            LOG.error("Route {} of {} could not be removed", routeId, file, e);
        }
    }

    private void refuse(RouteFileRefusal refusal) {
        lastRefusal = refusal;
        LOG.warn("Route file refused, the routes stay as they were: {}", refusal.describe());
    }

    private String replacing(List<String> routeIds) {
        List<String> shipped = new ArrayList<>(routeIds);
        shipped.removeIf(id -> !replacer.isShipped(id));
        return shipped.isEmpty() ? "" : " (in place of the shipped " + String.join(", ", shipped) + ")";
    }
}
