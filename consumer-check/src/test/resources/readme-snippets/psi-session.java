EcosystemClient client;
CompanyId acme;
CompanyId globex;
PsiSessionLimiter limiter;
abstract void send(byte[] message);
abstract byte[] nextMessage();
