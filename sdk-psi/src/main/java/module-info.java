/** Private set intersection over Curve25519: overlap counts without sharing account lists. */
module dev.ecosystem.psi {
    requires transitive dev.ecosystem.core;
    requires org.bouncycastle.provider;

    exports dev.ecosystem.psi;
}
