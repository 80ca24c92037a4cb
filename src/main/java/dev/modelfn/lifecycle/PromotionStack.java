package dev.modelfn.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.modelfn.store.HistoryEntry;

/**
 * Replays a model's promotion history as a stack: a promotion pushes, a rollback pops. The versions
 * below the top are what successive rollbacks return to, so rolling back twice goes two steps back.
 */
final class PromotionStack {

    private PromotionStack() {
    }

    /** Versions to roll back to, nearest first, given the history and the version now current. */
    static List<String> rollbackTargets(List<HistoryEntry> history, String current) {
        Deque<String> stack = new ArrayDeque<>();
        for (HistoryEntry entry : history) {
            if (HistoryEntry.ROLLBACK.equals(entry.action())) {
                while (!stack.isEmpty() && !stack.peek().equals(entry.version())) {
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    stack.push(entry.version());
                }
            } else {
                if (stack.isEmpty() && entry.previous() != null) {
                    stack.push(entry.previous());
                }
                if (!entry.version().equals(stack.peek())) {
                    stack.push(entry.version());
                }
            }
        }
        if (current != null && !current.equals(stack.peek())) {
            stack.push(current);
        }
        List<String> targets = new ArrayList<>(stack);
        if (!targets.isEmpty()) {
            targets.remove(0);
        }
        return targets;
    }
}
