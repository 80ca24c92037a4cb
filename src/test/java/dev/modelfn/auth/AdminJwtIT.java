package dev.modelfn.auth;

import static dev.modelfn.events.TestEvents.ce;
import static dev.modelfn.events.TestEvents.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.PrivateKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelfn.auth.AdminAuthTest.Call;
import dev.modelfn.auth.Tokens.Kind;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged application in the prod profile, its verification key a PEM file
 * ({@code mp.jwt.verify.publickey.location}): every admin function, over HTTP and as a CloudEvent in both
 * modes, serves a token signed with the matching private key and group modelfn-admin, and refuses no
 * token, an expired one and a forged one (signed with another key) with 401, the wrong group with 403,
 * each with a problem body; predict and models stay open. That the refusals happen at all shows the
 * application runs outside the test profile, where auth is off.
 */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
@WithTestResource(AdminKeyFileResource.class)
class AdminJwtIT {

    PrivateKey signingKey;

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.modelfn.auth.AdminAuthTest#httpCalls")
    void adminFunctionOverHttpNeedsAnAdminToken(Call call, Kind kind) {
        Response response = withToken(given(), kind).contentType("application/json").body(call.body())
                .post("/" + call.function());
        expect(response, kind, call);
    }

    @ParameterizedTest(name = "{0} with {1}, binary {2}")
    @MethodSource("dev.modelfn.auth.AdminAuthTest#events")
    void adminEventNeedsAnAdminToken(Call call, Kind kind, boolean binary) {
        Response response = binary
                ? withToken(ce(call.function(), "jwt-" + kind), kind).contentType("application/json").body(call.body()).post("/")
                : withToken(given(), kind).contentType("application/cloudevents+json")
                        .body(event(call.function(), "jwt-" + kind, call.body())).post("/");
        expect(response, kind, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.modelfn.auth.AdminAuthTest#openCalls")
    void predictAndModelsStayOpenAndIgnoreTokens(String path) {
        given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body("{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
                        + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}")
                .post(path).then().statusCode(200);
    }

    private RequestSpecification withToken(RequestSpecification request, Kind kind) {
        String header = Tokens.header(kind, Access.ADMIN_GROUP, signingKey);
        return header == null ? request : request.header("Authorization", header);
    }

    private static void expect(Response response, Kind kind, Call call) {
        if (!Tokens.refused(response, kind)) {
            response.then().statusCode(call.status());
            if (call.problem() != null) {
                response.then().body("type", equalTo("urn:modelfn:problem:" + call.problem()));
            }
        }
    }
}
