package dev.modelfn.model;

/**
 * How a categorical feature's categories are named inside the Tribuo model: one indicator feature per
 * category, {@code feature=category} (e.g. {@code plan=pro}), which is 1 for a row of that category and
 * absent otherwise. Training refuses a dataset where such a name equals another feature's name, so an
 * indicator name always means one feature and one category.
 */
public final class Categories {

    public static final char SEPARATOR = '=';

    private Categories() {
    }

    public static String indicator(String feature, String category) {
        return feature + SEPARATOR + category;
    }
}
