package io.metering.adapters.http.reading;

import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.web.Envelope;
import io.metering.application.port.in.reading.ReadingOutcome;
import io.metering.application.port.in.reading.RecordResult;
import java.util.List;

/**
 * The answers of reading writes. A write on a governed meter that became a pending changeset
 * (docs/domain.md#changesets) still answers 200 in the contract's shape, showing the proposal where
 * the reading would be, and adds the created changesets as {@code pending_changesets} (this
 * product's extension; left out when there are none), so a client can tell a proposal from a stored
 * reading.
 */
public final class ReadingAnswers {
    private static final ReadingMapper READINGS = ReadingMapper.INSTANCE;
    private static final ChangesetMapper CHANGESETS = ChangesetMapper.INSTANCE;

    private ReadingAnswers() {}

    /** {@code {data: reading}}, or {@code {data: proposal, pending_changesets: [changeset]}}. */
    public static Object one(ReadingOutcome outcome) {
        if (!outcome.isPending()) {
            return new Envelope.Data(READINGS.toResponse(outcome.written()));
        }
        return new Envelope.DataWithChangesets(READINGS.proposalOf(outcome.pending()), CHANGESETS.toResponses(List.of(outcome.pending())));
    }

    /** The single reading of a one-reading {@link RecordResult}, as {@link #one(ReadingOutcome)}. */
    public static Object one(RecordResult result) {
        return one(result.written().isEmpty() ? ReadingOutcome.pending(result.pending().get(0))
                : ReadingOutcome.written(result.written().get(0)));
    }

    /**
     * {@code {data: [reading], pending_changesets?}}: the written readings in request order; the
     * changesets created instead of writes, in request order.
     */
    public static Object many(RecordResult result) {
        return new Envelope.DataWithChangesets(result.written().stream().map(READINGS::toResponse).toList(),
                CHANGESETS.toResponses(result.pending()));
    }
}
