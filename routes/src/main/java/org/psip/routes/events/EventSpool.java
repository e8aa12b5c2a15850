package org.psip.routes.events;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.psip.api.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call events kept on disk while they cannot be delivered: one JSON file per
 * conversation, holding its undelivered events in order. A file is written to a
 * temporary name and renamed over the old one, so a crash of the gateway leaves either
 * the old content or the new, never half of one. Files are not forced to disk one by
 * one: with event_url down, that would be a disk flush per call; what the gateway wrote
 * survives its own crash, and only a crash of the machine within the kernel's write-back
 * delay could lose the last writes. Its methods are serialized: the spool
 * thread and a stopping gateway may both write.
 */
final class EventSpool {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");
    private static final String SUFFIX = ".json";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    EventSpool(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Replaces what the spool holds for the conversation. */
    synchronized void write(String conversation, List<PendingEvent> events) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("conversation", conversation);
        content.put("events", events.stream().map(EventSpool::entry).toList());
        Files.createDirectories(directory);
        Path file = file(conversation);
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
        Files.write(temporary, json.writeValueAsBytes(content));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Adds events after those the spool already holds for the conversation. */
    synchronized void append(String conversation, List<PendingEvent> events) throws IOException {
        List<PendingEvent> all = new ArrayList<>();
        Path file = file(conversation);
        if (Files.exists(file)) {
            all.addAll(read(file));
        }
        all.addAll(events);
        write(conversation, all);
    }

    synchronized void delete(String conversation) throws IOException {
        Files.deleteIfExists(file(conversation));
    }

    /**
     * Every conversation the spool holds, with its events in order. Left-over temporary
     * files (a crash mid-write) are removed; a file that cannot be read is renamed
     * {@code *.unreadable} and logged, so that it is neither lost nor retried forever.
     */
    synchronized Map<String, List<PendingEvent>> readAll() throws IOException {
        Map<String, List<PendingEvent>> conversations = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return conversations; // nothing was ever spooled: the directory is made by the first write
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX)) {
                    readInto(conversations, file);
                }
            }
        }
        return conversations;
    }

    private void readInto(Map<String, List<PendingEvent>> conversations, Path file) throws IOException {
        try {
            Map<String, Object> content = json.readValue(file.toFile(), JSON_OBJECT);
            conversations.put(String.valueOf(content.get("conversation")), events(content));
        } catch (IOException | RuntimeException e) {
            Path unreadable = file.resolveSibling(file.getFileName() + ".unreadable");
            Files.move(file, unreadable, StandardCopyOption.REPLACE_EXISTING);
            LOG.error("call event spool file {} cannot be read ({}); kept as {}", file, e.getMessage(), unreadable);
        }
    }

    private List<PendingEvent> read(Path file) throws IOException {
        return events(json.readValue(file.toFile(), JSON_OBJECT));
    }

    @SuppressWarnings("unchecked")
    private static List<PendingEvent> events(Map<String, Object> content) {
        List<PendingEvent> events = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) content.get("events")) {
            EventTarget target = new EventTarget((String) entry.get("url"),
                    HttpMethod.valueOf((String) entry.get("method")),
                    Duration.ofMillis(((Number) entry.get("connect_timeout_ms")).longValue()),
                    Duration.ofMillis(((Number) entry.get("read_timeout_ms")).longValue()));
            events.add(new PendingEvent(target, CallEventFields.parse((Map<String, Object>) entry.get("event")),
                    ((Number) entry.get("attempts")).intValue()));
        }
        return events;
    }

    private static Map<String, Object> entry(PendingEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", event.target().url());
        entry.put("method", event.target().method().name());
        entry.put("connect_timeout_ms", event.target().connectTimeout().toMillis());
        entry.put("read_timeout_ms", event.target().readTimeout().toMillis());
        entry.put("attempts", event.attempts());
        entry.put("event", CallEventFields.of(event.event()));
        return entry;
    }

    /** Conversation ids are {@code CON-<uuid>}; anything else is made safe for a file name. */
    private Path file(String conversation) {
        return directory.resolve(conversation.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX);
    }
}
