EcosystemClient client;
