package dev.modelfn.train;

import java.util.ArrayList;
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
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : groups(data, task)) {
            shuffle(group, random);
            int held = (int) Math.round(group.size() * holdout);
            test.addAll(group.subList(0, held));
            train.addAll(group.subList(held, group.size()));
        }
        shuffle(train, random);
        if (train.size() < 2 || (holdout > 0 && test.isEmpty())) {
            throw new InvalidInputException("too-few-rows", "The dataset has " + data.size()
                    + " rows: too few to train on and hold out " + holdout + " of them.");
        }
        return new Split(toArray(train), toArray(test));
    }

    private static List<List<Integer>> groups(TabularData data, Task task) {
        if (task == Task.REGRESSION) {
            List<Integer> all = new ArrayList<>(data.size());
            for (int i = 0; i < data.size(); i++) {
                all.add(i);
            }
            return List.of(all);
        }
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            byClass.computeIfAbsent(data.targets()[i], k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byClass.values());
    }

    private static void shuffle(List<Integer> list, Random random) {
        java.util.Collections.shuffle(list, random);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
