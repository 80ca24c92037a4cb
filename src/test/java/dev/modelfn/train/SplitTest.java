package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.modelfn.model.Task;

class SplitTest {

    private static TabularData table(String... targets) {
        return new TabularData(List.of("a"), "label", new double[targets.length][1], targets, null);
    }

    @Test
    void holdsOutTheSameRowsAsAShuffledListWould() {
        String[] targets = new String[1000];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % 3 == 0 ? "a" : "b";
        }
        Split split = Split.of(table(targets), Task.CLASSIFICATION, 0.2, 42L);

        // the split as it was first written, with java.util.Collections.shuffle over boxed lists
        Random random = new Random(42L);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (String label : List.of("a", "b")) {
            List<Integer> group = new ArrayList<>();
            for (int i = 0; i < targets.length; i++) {
                if (targets[i].equals(label)) {
                    group.add(i);
                }
            }
            Collections.shuffle(group, random);
            int held = (int) Math.round(group.size() * 0.2);
            test.addAll(group.subList(0, held));
            train.addAll(group.subList(held, group.size()));
        }
        Collections.shuffle(train, random);

        assertThat(split.train()).containsExactly(train.stream().mapToInt(Integer::intValue).toArray());
        assertThat(split.test()).containsExactly(test.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void everyRowLandsOnExactlyOneSide() {
        Split split = Split.of(table("x", "y", "x", "y", "x", "y", "x", "y", "x", "y"), Task.REGRESSION, 0.3, 1L);
        assertThat(split.test()).hasSize(3);
        List<Integer> all = new ArrayList<>();
        for (int i : split.train()) {
            all.add(i);
        }
        for (int i : split.test()) {
            all.add(i);
        }
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
