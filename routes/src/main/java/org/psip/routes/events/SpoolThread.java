package org.psip.routes.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's one background thread: it waits out the delays before probing a
 * failing event_url and does the spool's disk writes, in the order they are asked for,
 * so that no caller and no HTTP thread ever waits for the disk. Once stopped it takes no
 * more work: the stop spools what is left itself.
 */
final class SpoolThread {

    private static final Logger LOG = LoggerFactory.getLogger("psip.events");

    private final EventSpool spool;
    private final ScheduledThreadPoolExecutor thread;

    SpoolThread(EventSpool spool) {
        this.spool = spool;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread named = new Thread(runnable, "psip-events-spool");
            named.setDaemon(true);
            return named;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs the task after the delay; dropped when stopped, since the stop spools what waited for it. */
    void after(Duration delay, Runnable task) {
        try {
            thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the stop spools the conversation
        }
    }

    /** Writes the conversation's file with what the queue holds then (nothing when it is closed by then). */
    void rewrite(ConversationQueue queue) {
        run(() -> {
            List<PendingEvent> events = queue.spoolSnapshot();
            if (events != null) {
                try {
                    spool.write(queue.conversation(), events);
                } catch (IOException e) {
                    LOG.error("cannot spool the call events of {} to {}: {}", queue.conversation(),
                            spool.directory(), e.toString());
                }
            }
        });
    }

    /** Deletes a conversation's file once all its events are delivered. */
    void delete(String conversation) {
        run(() -> {
            try {
                spool.delete(conversation);
            } catch (IOException e) {
                LOG.warn("cannot delete the delivered spool of {}: {}", conversation, e.toString());
            }
        });
    }

    /** Lets the writes already asked for finish; pending retries are dropped. */
    void stop(Duration grace) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopped) {
            // a stale spool file only repeats delivered events after a restart: at least once, never lost
        }
    }
}
