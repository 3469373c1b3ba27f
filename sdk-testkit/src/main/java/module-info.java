/** Contract kits (JUnit 5) that an adapter's tests extend, and test fixtures. */
module dev.ecosystem.testkit {
    requires transitive dev.ecosystem.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.assertj.core;

    exports dev.ecosystem.testkit;
}
