package dev.modelfn.baseline;

import java.util.Map;

import io.quarkus.funqy.Funq;

/**
 * The baseline's one function: reads the same JSON body as modelfn's predict (as a plain map) and
 * answers a constant, the least a Funqy HTTP application does for a POST.
 */
public class Constant {

    @Funq
    public String predict(Map<String, Object> request) {
        return "constant";
    }
}
