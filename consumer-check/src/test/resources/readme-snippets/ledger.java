EcosystemClient client;
CompanyId tenant;
CompanyId partner;
Instant occurredAt;
