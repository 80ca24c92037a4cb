package dev.modelfn.problem;

/** The function needs a bearer token and the request has none, or one that does not verify: 401. */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String type, String detail) {
        super(type, "Unauthorized", detail, null);
        withHeader("WWW-Authenticate", "Bearer");
    }

    @Override
    public int status() {
        return 401;
    }
}
