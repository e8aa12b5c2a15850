package org.psip.routes.events;

/** An event on its way to event_url, and how often it was tried (counted by the one thread handling its attempt). */
final class PendingEvent {

    private final EventTarget target;
    private final CallEvent event;
    private volatile int attempts;

    PendingEvent(EventTarget target, CallEvent event, int attempts) {
        this.target = target;
        this.event = event;
        this.attempts = attempts;
    }

    EventTarget target() {
        return target;
    }

    CallEvent event() {
        return event;
    }

    int attempts() {
        return attempts;
    }

    /** @return the attempts made so far, this one included */
    int attempted() {
        return ++attempts;
    }
}
