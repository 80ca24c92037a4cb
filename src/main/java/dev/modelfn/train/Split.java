package dev.modelfn.train;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.modelfn.model.Task;
import dev.modelfn.problem.InvalidInputException;

/**
 * Row indices for training and held-out evaluation: seeded and deterministic, stratified by class for
 * classification so every class keeps its share on both sides.
 */
public record Split(int[] train, int[] test) {

    public static Split of(TabularData data, Task task, double holdout, long seed) {
        if (!(holdout >= 0 && holdout <= 0.9)) {
            throw new InvalidInputException("invalid-holdout", "'holdout' must be from 0 to 0.9.");
        }
        Random random = new Random(seed);
        int[] train = new int[data.size()];
        int[] test = new int[data.size()];
        int trainSize = 0;
        int testSize = 0;
        for (IntList group : groups(data, task)) {
            shuffle(group.values, group.size, random);
            int held = (int) Math.round(group.size * holdout);
            System.arraycopy(group.values, 0, test, testSize, held);
            System.arraycopy(group.values, held, train, trainSize, group.size - held);
            testSize += held;
            trainSize += group.size - held;
        }
        shuffle(train, trainSize, random);
        if (trainSize < 2 || (holdout > 0 && testSize == 0)) {
            throw new InvalidInputException("too-few-rows", "The dataset has " + data.size()
                    + " rows: too few to train on and hold out " + holdout + " of them.");
        }
        return new Split(Arrays.copyOf(train, trainSize), Arrays.copyOf(test, testSize));
    }

    /** Row indices of one class (or of every row), in row order. */
    private static final class IntList {
        int[] values = new int[16];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    private static Collection<IntList> groups(TabularData data, Task task) {
        Map<String, IntList> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String group = task == Task.REGRESSION ? "" : data.targets()[i];
            groups.computeIfAbsent(group, k -> new IntList()).add(i);
        }
        return groups.values();
    }

    /** The same permutation as {@link java.util.Collections#shuffle(List, Random)} gives a list, so splits stay as they were. */
    private static void shuffle(int[] values, int size, Random random) {
        for (int i = size; i > 1; i--) {
            int j = random.nextInt(i);
            int swapped = values[i - 1];
            values[i - 1] = values[j];
            values[j] = swapped;
        }
    }
}
