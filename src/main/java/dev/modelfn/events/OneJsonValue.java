package dev.modelfn.events;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.InvalidInputException;

/**
 * Refuses a body with data after its JSON value. Funqy binds function inputs with Jackson, which reads the
 * first value and ignores the rest: {@code {}garbage} would reload every model. (Predict checks this in its
 * own reader.) A body that does not parse is left to the function, whose reader names the fault.
 */
final class OneJsonValue {

    private OneJsonValue() {
    }

    static void check(ObjectMapper json, byte[] body) {
        boolean valueRead = false;
        boolean trailing;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            valueRead = true;
            trailing = parser.nextToken() != null;
        } catch (IOException e) {
            // unreadable after a complete value is data after it too
            trailing = valueRead;
        }
        if (trailing) {
            throw new InvalidInputException("malformed-json", "The body has data after its JSON value.");
        }
    }
}
