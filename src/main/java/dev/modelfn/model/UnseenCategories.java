package dev.modelfn.model;

/** Told, once a prediction is answered, how many of its rows gave a categorical feature a category training never saw. */
@FunctionalInterface
public interface UnseenCategories {

    UnseenCategories NONE = (feature, rows) -> {
    };

    void count(String feature, int rows);
}
