package dev.modelfn.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelfn.store.HistoryEntry;

class PromotionStackTest {

    private static HistoryEntry promote(String version, String previous) {
        return new HistoryEntry("t", HistoryEntry.PROMOTE, version, previous);
    }

    private static HistoryEntry rollback(String version, String previous) {
        return new HistoryEntry("t", HistoryEntry.ROLLBACK, version, previous);
    }

    @Test
    void nothingToRollBackToWithoutHistory() {
        assertThat(PromotionStack.rollbackTargets(List.of(), "v1")).isEmpty();
    }

    @Test
    void theVersionBeforeTheFirstRecordedPromotionCounts() {
        assertThat(PromotionStack.rollbackTargets(List.of(promote("v2", "v1")), "v2")).containsExactly("v1");
    }

    @Test
    void successiveRollbacksWalkBackThroughPromotions() {
        List<HistoryEntry> history = List.of(promote("v1", null), promote("v2", "v1"), promote("v3", "v2"));
        assertThat(PromotionStack.rollbackTargets(history, "v3")).containsExactly("v2", "v1");
        List<HistoryEntry> once = List.of(promote("v1", null), promote("v2", "v1"), promote("v3", "v2"), rollback("v2", "v3"));
        assertThat(PromotionStack.rollbackTargets(once, "v2")).containsExactly("v1");
    }

    @Test
    void aPromotionAfterARollbackStacksOnTheVersionRolledBackTo() {
        List<HistoryEntry> history = List.of(promote("v1", null), promote("v2", "v1"), rollback("v1", "v2"),
                promote("v3", "v1"));
        assertThat(PromotionStack.rollbackTargets(history, "v3")).containsExactly("v1");
    }

    @Test
    void aPointerMovedOutsideTheHistoryIsTreatedAsPromoted() {
        List<HistoryEntry> history = List.of(promote("v1", null), promote("v2", "v1"));
        assertThat(PromotionStack.rollbackTargets(history, "v9")).containsExactly("v2", "v1");
    }

    @Test
    void promotingTheSameVersionTwiceDoesNotStackIt() {
        List<HistoryEntry> history = List.of(promote("v1", null), promote("v2", "v1"), promote("v2", "v2"));
        assertThat(PromotionStack.rollbackTargets(history, "v2")).containsExactly("v1");
    }
}
