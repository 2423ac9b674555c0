package dev.longhand.spec;

import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * SnakeYAML's event parser, stopped at the first list or mapping that opens deeper than a
 * limit. The composer recurses once per level, so it must never see such an event; checking
 * the events as the composer takes them costs nothing, where a separate pass over the block
 * first parsed every block twice.
 */
final class DepthLimitedParser implements Parser {

    /** Thrown at the collection that opens one level too deep; the composer stops there. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Event event;

        private TooDeep(Event event) {
            super(null, null, false, false);
            this.event = event;
        }

        Event event() {
            return event;
        }
    }

    private final Parser events;
    private final int maxDepth;
    private int depth;

    DepthLimitedParser(Parser events, int maxDepth) {
        this.events = events;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return events.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return events.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public Event next() {
        Event event = events.next();
        if (event instanceof CollectionStartEvent) {
            depth++;
            if (depth > maxDepth) {
                throw new TooDeep(event);
            }
        } else if (event instanceof CollectionEndEvent) {
            depth--;
        }
        return event;
    }
}
