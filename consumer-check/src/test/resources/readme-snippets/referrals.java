EcosystemClient client;
CompanyId partner;
CompanyId vendor;
Clock clock;
