package io.metering.application.service.changeset;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.reading.RecordReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.changeset.AppliedChangeset;
import io.metering.application.port.in.changeset.ChangesetAddress;
import io.metering.application.port.in.changeset.DismissedChangeset;
import io.metering.application.port.in.changeset.ProposalChanges;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.changeset.UpdateChangesetCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReadingChangesetServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final ReadingChangesetService service = TestServices.readingChangesetService(w.ctx, PlausibilityProvider.NONE);
    private final RecordReadingsService record = TestServices.recordReadingsService(w.ctx, PlausibilityProvider.NONE);
    private final Meter meter = w.meter(b -> b.governance(new ReadingGovernance(EditMode.APPROVAL, null, null, null))
            .customers(List.of(new EntityRelation("contact-1", "contact"))));
    private final Counter counter = w.feedOutCounter(meter);

    private Changeset portalProposes(String instant, String value) {
        return record.record(new RecordReadingsCommand(w.portal, List.of(new ReadingInput(meter.id(), counter.id(), null,
                at(instant), dec(value), ReadingSource.ECP, null, null, null, null, "please check", null, null, null)),
                WriteOptions.DEFAULT)).pending().get(0);
    }

    private ChangesetAddress address(Changeset cs) {
        return new ChangesetAddress(meter.id(), counter.id(), cs.id());
    }

    private Changeset patch(Changeset cs, ProposalChanges changes) {
        return service.update(new UpdateChangesetCommand(w.admin, address(cs), changes));
    }

    private static ProposalChanges value(String v) {
        return new ProposalChanges(dec(v), null, null, null, null, null, null, null);
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(reason);
    }

    @Test
    void interceptPatchApplyWithValidation() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        Changeset cs = portalProposes("2024-02-01T00:00:00Z", "150");
        assertThat(service.pending(w.portal, meter.id(), counter.id())).extracting(Changeset::id).containsExactly(cs.id());

        Changeset patched = patch(cs, value("90"));
        assertThat(patched.proposed().value()).isEqualByComparingTo("90");
        assertThat(patched.proposed().remark()).isEqualTo("please check");
        assertThat(w.values(counter)).containsExactly("100");

        // the proposal now breaks the series: apply refuses and the changeset stays pending
        assertRejected(() -> service.apply(w.admin, address(cs)), RejectionReason.LESS_THAN_PREVIOUS);
        assertThat(w.changesets(counter)).extracting(Changeset::id).containsExactly(cs.id());

        patch(cs, value("120"));
        AppliedChangeset applied = service.apply(w.admin, address(cs));

        assertThat(applied.reading().value()).isEqualByComparingTo("120");
        assertThat(applied.reading().source()).isEqualTo(ReadingSource.ECP);
        assertThat(applied.reading().remark()).isEqualTo("please check");
        assertThat(applied.changeset().id()).isEqualTo(cs.id());
        assertThat(w.values(counter)).containsExactly("100", "120");
        assertThat(w.changesets(counter)).isEmpty();
    }

    @Test
    void applyReplacesTheReadingAtTheProposedKeyKeepingWhatTheProposalCannotCarry() {
        w.stored(new Reading(meter.id(), counter.id(), Direction.FEED_OUT, at("2024-01-01T00:00:00Z"), dec("100"), ReadingSource.ERP,
                null, null, null, "erp-1", null, "a note", "kWh", Map.of("k", "v")));
        Changeset cs = portalProposes("2024-01-01T00:00:00Z", "105");
        assertThat(cs.previous().value()).isEqualByComparingTo("100");

        Reading r = service.apply(w.admin, address(cs)).reading();

        assertThat(r.value()).isEqualByComparingTo("105");
        assertThat(r.metadata()).containsEntry("k", "v");
        assertThat(r.unit()).isEqualTo("kWh");
        assertThat(w.values(counter)).containsExactly("105");
    }

    @Test
    void patchValidatesValueTimestampAndDirection() {
        Changeset cs = portalProposes("2024-02-01T00:00:00Z", "150");

        assertRejected(() -> value("-1"), RejectionReason.NEGATIVE_VALUE);
        assertRejected(() -> patch(cs, new ProposalChanges(null, null, at("2024-06-15T22:00:00Z"), null, null, null, null, null)),
                RejectionReason.TIMESTAMP_FUTURE);
        assertRejected(() -> patch(cs, new ProposalChanges(null, Direction.FEED_IN, null, null, null, null, null, null)),
                RejectionReason.DIRECTION_MISMATCH);
        assertRejected(() -> new UpdateChangesetCommand(w.admin, address(cs),
                new ProposalChanges(null, null, null, null, null, null, null, null)), RejectionReason.MISSING_PARAMS);

        Changeset moved = patch(cs, new ProposalChanges(new BigDecimal("150.250"), null, at("2024-02-02T00:00:00Z"), null, null,
                "Jane", null, null));
        assertThat(moved.proposed().value().toPlainString()).isEqualTo("150.25");
        assertThat(moved.proposed().timestamp()).isEqualTo(at("2024-02-02T00:00:00Z"));
        assertThat(moved.proposed().readBy()).isEqualTo("Jane");
        assertThat(w.changesets(counter).get(0).proposed().timestamp()).isEqualTo(at("2024-02-02T00:00:00Z"));
    }

    @Test
    void dismissRemovesTheChangesetAndReportsReasonAndTime() {
        Changeset cs = portalProposes("2024-02-01T00:00:00Z", "150");

        DismissedChangeset dismissed = service.dismiss(w.admin, address(cs), "duplicate of an ERP reading");

        assertThat(dismissed.changeset().id()).isEqualTo(cs.id());
        assertThat(dismissed.dismissedReason()).isEqualTo("duplicate of an ERP reading");
        assertThat(dismissed.dismissedAt()).isEqualTo(ServiceWorld.NOW);
        assertThat(w.changesets(counter)).isEmpty();
        assertThat(w.readings(counter)).isEmpty();
        assertThatThrownBy(() -> service.dismiss(w.admin, address(cs), null)).isInstanceOf(NotFoundException.class);
        Changeset other = portalProposes("2024-02-02T00:00:00Z", "150");
        assertRejected(() -> service.dismiss(w.admin, address(other), "x".repeat(1001)), RejectionReason.INVALID_PARAMETER);
    }

    @Test
    void changesetsOutsideThePathOrTheOrganizationAreNotFound() {
        Changeset cs = portalProposes("2024-02-01T00:00:00Z", "150");
        Counter sibling = w.feedOutCounter(meter);
        ChangesetAddress wrongCounter = new ChangesetAddress(meter.id(), sibling.id(), cs.id());
        ChangesetAddress unknown = new ChangesetAddress(meter.id(), counter.id(), ChangesetId.random());
        Caller otherOrg = Caller.admin(ServiceWorld.OTHER_ORG, "x");

        assertThatThrownBy(() -> service.apply(w.admin, wrongCounter)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.apply(w.admin, unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.apply(otherOrg, address(cs))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateChangesetCommand(w.admin, wrongCounter, value("1"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ChangesetAddress.of(meter.id(), counter.id(), "not-a-uuid")).isInstanceOf(NotFoundException.class);
        assertThat(ChangesetAddress.of(meter.id(), counter.id(), cs.id().toString())).isEqualTo(address(cs));
        assertThat(service.pending(w.admin, meter.id(), sibling.id())).isEmpty();
        assertThat(w.changesets(counter)).hasSize(1);
    }

    @Test
    void portalUsersListOnlyTheirOwnMetersAndMayNotDecide() {
        Changeset cs = portalProposes("2024-02-01T00:00:00Z", "150");
        Meter foreign = w.governedMeter();
        Counter foreignCounter = w.feedOutCounter(foreign);

        assertThatThrownBy(() -> service.pending(w.portal, foreign.id(), foreignCounter.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.apply(w.portal, address(cs))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.dismiss(w.portal, address(cs), null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.update(new UpdateChangesetCommand(w.portal, address(cs), value("1"))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.changesets(counter)).hasSize(1);
    }
}
