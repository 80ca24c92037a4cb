package dev.modelfn.auth;

import static dev.modelfn.openapi.OpenApiCalls.authorized;
import static dev.modelfn.openapi.OpenApiCalls.wrong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelfn.auth.Tokens.Kind;
import dev.modelfn.openapi.OpenApiCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The OpenAPI document's security requirements against the token checks, with tokens required for admin and
 * read functions alike ({@code modelfn.auth.predict=true}): every operation the document guards with the bearer
 * scheme answers a call without a token with its documented 401 (and {@code WWW-Authenticate}); an operation
 * that needs a token in every profile (no anonymous alternative: the admin functions) answers a user's token with
 * its documented 403; a good token gets past the check; an operation without a requirement is open.
 */
@QuarkusTest
@TestProfile(PredictAuthTest.SecuredPredict.class)
class OpenApiAuthContractTest {

    private static final String TENSOR = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]}";

    /** One operation of the document; {@code admin}: a token is needed whatever the configuration. */
    record Operation(String method, String path, boolean guarded, boolean admin) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationIsGuardedAsTheDocumentSays() {
        String version = given().header("Authorization", Tokens.header(Kind.RIGHT_GROUP, Access.USER_GROUP))
                .queryParam("model", "iris").get("/models").then().statusCode(200).extract().path("models[0].version");
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        for (Operation operation : operations) {
            if (!operation.guarded()) {
                assertThat(call(wrong(), operation, version).statusCode()).as(operation.toString()).isLessThan(400);
                continue;
            }
            Response none = call(wrong(), operation, version);
            assertThat(none.statusCode()).as(operation + " without a token").isEqualTo(401);
            none.then().header("WWW-Authenticate", "Bearer");
            String user = Tokens.header(Kind.RIGHT_GROUP, Access.USER_GROUP);
            int asUser = call(authorized().header("Authorization", user), operation, version).statusCode();
            if (operation.admin()) {
                assertThat(asUser).as(operation + " with a user's token").isEqualTo(403);
            } else {
                assertThat(asUser).as(operation + " with a user's token").isNotIn(401, 403);
            }
            String admin = Tokens.header(Kind.RIGHT_GROUP, Access.ADMIN_GROUP);
            assertThat(call(authorized().header("Authorization", admin), operation, version).statusCode())
                    .as(operation + " with an admin's token").isNotIn(401, 403);
        }
        given().get("/q/openapi").then().statusCode(200);
        OpenApiCalls.problem(wrong().contentType("application/json").body("{\"model\":\"iris\"}")
                .header("Authorization", "Bearer not-a-jwt").post("/train").then(), 401, "invalid-token")
                .header("WWW-Authenticate", "Bearer").body("detail", org.hamcrest.Matchers.containsString("refused"));
        wrong().header("Authorization", Tokens.header(Kind.WRONG_GROUP, Access.USER_GROUP)).get("/v2/models/{model}", "iris")
                .then().statusCode(403).body("keySet()", equalTo(java.util.Set.of("error")));
    }

    /**
     * Calls an operation with path and query parameters filled in (iris at its served version) and a body that
     * gets past reading: the call only has to reach, or be stopped by, the token check.
     */
    private static Response call(RequestSpecification request, Operation operation, String version) {
        String path = operation.path();
        List<Object> parameters = new ArrayList<>();
        if (path.contains("{model}")) {
            parameters.add("iris");
        }
        if (path.contains("{version}")) {
            parameters.add(version);
        }
        if (operation.method().equals("GET")) {
            if (List.of("/describe", "/promote", "/rollback", "/delete").contains(path)) {
                request.queryParam("model", "iris");
            }
            if (List.of("/promote", "/delete").contains(path)) {
                request.queryParam("version", version);
            }
            return request.get(path, parameters.toArray());
        }
        String body = path.endsWith("/infer") ? TENSOR : "{\"model\":\"iris\",\"version\":\"" + version + "\"}";
        return request.contentType("application/json").body(body).post(path, parameters.toArray());
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = OpenApiCalls.document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                boolean guarded = false;
                boolean anonymous = false;
                for (JsonNode requirement : operation.path("security")) {
                    guarded |= requirement.has("bearer");
                    anonymous |= requirement.isEmpty();
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), guarded, guarded && !anonymous));
            }
        }
        return operations;
    }
}
