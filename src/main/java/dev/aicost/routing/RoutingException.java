package dev.aicost.routing;

/** A class that no candidate can serve: its index in the spec and why. */
public final class RoutingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int classIndex;

    public RoutingException(int classIndex, String message) {
        super(message);
        this.classIndex = classIndex;
    }

    public int classIndex() {
        return classIndex;
    }
}
