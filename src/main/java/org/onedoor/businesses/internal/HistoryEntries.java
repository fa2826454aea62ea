package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.SourceReference;

/** The history rows of one registration, added to the batch's writes together with its source record. */
final class HistoryEntries {

    enum Action { SET, CHANGED, ADDED, CONFLICT }

    private record Entry(Long establishmentId, String field, Action action, String oldValue, String newValue) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void set(String field, Long establishmentId, String newValue) {
        entries.add(new Entry(establishmentId, field, Action.SET, null, newValue));
    }

    void added(String field, Long establishmentId, String newValue) {
        entries.add(new Entry(establishmentId, field, Action.ADDED, null, newValue));
    }

    /** Notes an incoming value that differs from the kept one and was not applied. */
    void conflict(String field, Long establishmentId, String keptValue, String incomingValue) {
        entries.add(new Entry(establishmentId, field, Action.CONFLICT, keptValue, incomingValue));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Adds these rows, in order, to the writes of a batch, naming the source record they came with. */
    void addTo(PendingWrites writes, long businessId, SourceReference source, long sourceRecordId) {
        for (Entry entry : entries) {
            writes.add(new PendingWrites.History(businessId, entry.establishmentId(), entry.field(),
                    entry.action().name(), entry.oldValue(), entry.newValue(), source.userId(), source.partnerId(),
                    source.kind(), sourceRecordId));
        }
    }
}
