Alerts alerts;

/** The host's alerting. */
interface Alerts {
    void raise(String message);
}
